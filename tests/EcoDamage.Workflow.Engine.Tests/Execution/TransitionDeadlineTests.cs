using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Tests.Validation;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Execution;

public sealed class TransitionDeadlineTests
{
    private static readonly Actor Clerk = new("c1", "clerk");
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 2, 0); // 10:00 Asia/Shanghai

    // Submit opens 'answer' (5 days) when it enters Review; an internal Remind transition restarts it.
    private static readonly string Definition = DefinitionFixture.With(
        DefinitionFixture.With("      Submit: Review\n", """
                  Submit:
                    to: Review
                    deadlines:
                      answer: { zh: 答复, en: Answer, period: 5d, overdue: { escalate: clerk } }

            """),
        "      Expire: Done\n",
        """
              Expire: Done
              Remind:
                deadlines:
                  answer2: { zh: 再答复, en: Answer again, period: 5d, overdue: { escalate: clerk } }

        """).Replace("  Expire: { zh: 过期, en: Expire, roles: [system] }\n", "  Expire: { zh: 过期, en: Expire, roles: [system] }\n  Remind: { zh: 催告, en: Remind, roles: [clerk] }\n", StringComparison.Ordinal);

    private readonly WorkflowEngine _engine = new(DefinitionFixture.Load(Definition).Catalog
        ?? throw new InvalidOperationException(string.Join('\n', DefinitionFixture.Load(Definition).Problems)));

    [Fact]
    public void Fire_TransitionWithDeadline_OpensItInTheTargetState()
    {
        var started = _engine.Start("mini", null, "M-1", Clerk, Monday).Case;

        var submitted = _engine.Fire(started, new FireRequest("Submit", Clerk, Monday, new Dictionary<string, object?> { ["amount"] = 5m }));

        var answer = Assert.Single(submitted.DeadlinesOpened, d => d.DeadlineId == "answer");
        Assert.Equal("Review", answer.State);
        // 5 days from Mon 03-02 end on Sat 03-07, a rest day: moved to Mon 03-09, due at its end (03-10 00:00 +08:00).
        Assert.Equal(new LocalDate(2026, 3, 9), answer.LastDay);
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 16, 0), answer.Due);
    }

    [Fact]
    public void Fire_InternalTransitionWithDeadlineTwice_RestartsIt()
    {
        var started = _engine.Start("mini", null, "M-2", Clerk, Monday).Case;
        var review = _engine.Fire(started, new FireRequest("Submit", Clerk, Monday)).Case;

        var first = _engine.Fire(review, new FireRequest("Remind", Clerk, Monday.Plus(Duration.FromDays(1))));
        var second = _engine.Fire(first.Case, new FireRequest("Remind", Clerk, Monday.Plus(Duration.FromDays(2))));

        Assert.True(second.Accepted, string.Join("; ", second.Refusals));
        Assert.Equal("answer2", Assert.Single(second.DeadlinesClosed).DeadlineId);
        Assert.Single(second.Case.ActiveDeadlines, d => d.DeadlineId == "answer2");
        Assert.Equal(Monday.Plus(Duration.FromDays(2)), second.Case.ActiveDeadlines.Single(d => d.DeadlineId == "answer2").OpenedAt);
    }
}
