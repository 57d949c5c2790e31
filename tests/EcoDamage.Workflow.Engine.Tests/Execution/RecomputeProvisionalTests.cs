using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Tests.Validation;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Execution;

public sealed class RecomputeProvisionalTests
{
    private static readonly Actor Clerk = new("c1", "clerk");

    // Fri 2026-12-25 10:00 +08:00: Review's 10-day period ends Mon 2027-01-04, in a year not yet published.
    private static readonly Instant ChristmasMorning = Instant.FromUtc(2026, 12, 25, 2, 0);

    // A made-up 2027 block for the test (not the official calendar): days off 2027-01-01 to 2027-01-04.
    private const string Year2027 = """

          2027:
            source: test calendar
            holidays:
              - { name: { zh: 元旦, en: New Year's Day }, from: 2027-01-01, to: 2027-01-04 }
            workdays: []
        """;

    [Fact]
    public void RecomputeProvisional_AfterTheYearIsPublished_MovesTheDueDateAndClearsTheFlag()
    {
        var before = new WorkflowEngine(Catalog(DefinitionFixture.Calendar));
        var started = before.Start("mini", null, "P-1", Clerk, ChristmasMorning).Case;
        var review = before.Fire(started, new FireRequest("Submit", Clerk, ChristmasMorning));
        var provisional = Assert.Single(review.DeadlinesOpened);
        Assert.True(provisional.Provisional);
        Assert.Equal(new LocalDate(2027, 1, 4), provisional.LastDay);

        var after = new DeadlineEngine(new WorkflowEngine(Catalog(DefinitionFixture.Calendar.TrimEnd() + Year2027))).RecomputeProvisional(review.Case);

        var (was, now) = Assert.Single(after.Changed);
        Assert.Equal(provisional.Key, was.Key);
        Assert.False(now.Provisional);
        Assert.Equal(new LocalDate(2027, 1, 5), now.LastDay);
        Assert.Equal(Instant.FromUtc(2027, 1, 5, 16, 0), now.Due);
        Assert.Equal(review.Case.Version + 1, after.Case.Version);
    }

    [Fact]
    public void RecomputeProvisional_NothingProvisional_ReturnsTheSameCase()
    {
        var engine = new WorkflowEngine(Catalog(DefinitionFixture.Calendar));
        var march = Instant.FromUtc(2026, 3, 2, 2, 0);
        var review = engine.Fire(engine.Start("mini", null, "P-2", Clerk, march).Case, new FireRequest("Submit", Clerk, march)).Case;

        var result = new DeadlineEngine(engine).RecomputeProvisional(review);

        Assert.Same(review, result.Case);
        Assert.Empty(result.Changed);
    }

    private static WorkflowCatalog Catalog(string calendar)
    {
        var loaded = WorkflowCatalog.Load([
            new CatalogFile("roles.yaml", DefinitionFixture.Roles),
            new CatalogFile("calendars/cn-mainland.yaml", calendar),
            new CatalogFile(DefinitionFixture.DefinitionPath, DefinitionFixture.Base),
        ]);
        return loaded.Catalog ?? throw new InvalidOperationException(string.Join('\n', loaded.Problems));
    }
}
