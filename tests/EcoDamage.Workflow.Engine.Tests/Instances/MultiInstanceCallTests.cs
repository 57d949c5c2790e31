using EcoDamage.Workflow.Engine.Execution;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Instances.InstanceFixture;

namespace EcoDamage.Workflow.Engine.Tests.Instances;

/// <summary>
/// The multi-instance call (<c>call: { forEach }</c>): collections recorded by <c>collect</c>, one branch per item with
/// its own data and deadlines, routing by <see cref="FireRequest.Branch"/>, the any/all outcome rule (issue 12,
/// "Phased performance"; R21, R25).
/// </summary>
public sealed class MultiInstanceCallTests
{
    [Fact]
    public void Collect_ItemsRecorded_StartsOneBranchPerItemSeededFromItsMembers()
    {
        var @case = Planned(("dig", "2024-03-20"), ("plant", "2024-04-30"));

        Assert.Equal(["Working"], @case.States);
        Assert.Equal(["1", "2"], @case.Collections["tasks"].Select(i => i.Id));
        Assert.Equal(new LocalDate(2024, 4, 30), @case.Collections["tasks"][1].Values["dueOn"]);
        Assert.Equal(["tasks/1", "tasks/2"], @case.Branches.Select(b => b.Key));
        Assert.All(@case.Branches, b => Assert.Equal("Open", b.State));
        Assert.Equal("plant", @case.Branches[1].Data["title"]);
        Assert.Equal("a", @case.Branches[1].Data["kind"]);
        Assert.Equal(2, @case.History.Count(h => h.Kind == HistoryKind.CallStarted && h.Branch is not null));
    }

    [Fact]
    public void Collect_NoItems_RunsThePlainCall()
    {
        var @case = Planned();

        Assert.Empty(@case.Branches);
        Assert.Equal(["Working", "Open"], @case.States);
    }

    [Fact]
    public void Collect_BadMembers_RefusedWithItemIndexAndMember()
    {
        var started = Runner.Start("plan", null, "p-1", Clerk, Monday).Case;
        var data = new Dictionary<string, object?>
        {
            ["tasks"] = RecordList.From([
                new Dictionary<string, object?> { ["title"] = "ok", ["dueOn"] = "2024-03-20" },
                new Dictionary<string, object?> { ["title"] = "bad", ["dueOn"] = "not a date", ["kind"] = "c", ["colour"] = "red" },
            ]),
        };

        var result = Runner.Fire(started, new FireRequest("Plan", Clerk, Monday, data));

        Assert.False(result.Accepted);
        Assert.Same(started, result.Case);
        Assert.Equal(["tasks[1].colour", "tasks[1].dueOn", "tasks[1].kind"], result.Refusals.Select(r => r.Subject).Order(StringComparer.Ordinal));
        Assert.All(result.Refusals, r => Assert.Equal(RefusalKind.InvalidData, r.Kind));
    }

    [Fact]
    public void Fire_SeveralBranchesHandleTheTrigger_RefusedBranchRequiredListingThem()
    {
        var @case = Planned(("dig", "2024-03-20"), ("plant", "2024-04-30"));

        var result = Fire(@case, "Begin");

        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(RefusalKind.BranchRequired, refusal.Kind);
        Assert.Equal("tasks/1, tasks/2", refusal.Subject);
        Assert.Same(@case, result.Case);
    }

    [Fact]
    public void Fire_NamedBranch_MovesOnlyThatBranchAndOpensItsOwnDeadline()
    {
        var @case = Planned(("dig", "2024-03-20"), ("plant", "2024-04-30"));

        var result = Fire(@case, "Begin", "tasks/2");
        @case = Accept(result);

        Assert.Equal("tasks/2", result.Branch);
        Assert.Equal(["Open", "Doing"], @case.Branches.Select(b => b.State));
        var term = Assert.Single(@case.ActiveDeadlines);
        Assert.Equal(("task/term@tasks/2#1", "tasks/2", new LocalDate(2024, 4, 30)), (term.Key, term.Branch, term.LastDay));
        Assert.Equal(term.Key, Assert.Single(result.DeadlinesOpened).Key);
        Assert.Equal("tasks/2", @case.History[^1].Branch);
        Assert.Equal(["Working"], @case.States);
    }

    [Fact]
    public void Fire_OnlyOneBranchHandlesTheTrigger_IsRoutedThereWithoutAName()
    {
        var @case = Accept(Fire(Planned(("dig", "2024-03-20"), ("plant", "2024-04-30")), "Begin", "tasks/1"));

        @case = Accept(Fire(@case, "Finish"));

        Assert.Equal(["Done", "Open"], @case.Branches.Select(b => b.State));
        Assert.Equal(["Working"], @case.States);
    }

    [Fact]
    public void Fire_UnknownOrEndedBranch_IsRefused()
    {
        var @case = Accept(Fire(Accept(Fire(Planned(("dig", "2024-03-20"), ("plant", "2024-04-30")), "Begin", "tasks/1")), "Finish", "tasks/1"));

        Assert.Equal(RefusalKind.InvalidData, Assert.Single(Fire(@case, "Begin", "tasks/9").Refusals).Kind);
        Assert.Equal(RefusalKind.NotPermittedInState, Assert.Single(Fire(@case, "Fail", "tasks/1").Refusals).Kind);
    }

    [Fact]
    public void Outcome_EveryBranchDone_FiresTheAllOutcomeAndEndsTheBranches()
    {
        var @case = Planned(("dig", "2024-03-20"), ("plant", "2024-04-30"));
        foreach (var b in new[] { "tasks/1", "tasks/2" })
        {
            @case = Accept(Fire(@case, "Begin", b));
        }

        @case = Accept(Fire(@case, "Finish", "tasks/1"));
        Assert.Equal(["Working"], @case.States);
        var last = Fire(@case, "Finish", "tasks/2");
        @case = Accept(last);

        Assert.Equal(["Finished"], @case.States);
        Assert.Equal("AllDone", Assert.Single(last.FollowUps).Trigger);
        Assert.Empty(@case.Branches);
        Assert.Empty(@case.ActiveDeadlines);
        Assert.Contains(@case.History, h => h.Kind == HistoryKind.CallEnded && h.Trigger == "AllDone");
    }

    [Fact]
    public void Outcome_OneBranchFailed_FiresTheAnyOutcomeOnlyOnceAllHaveEnded()
    {
        var @case = Accept(Fire(Accept(Fire(Planned(("dig", "2024-03-20"), ("plant", "2024-04-30")), "Begin", "tasks/1")), "Fail", "tasks/1"));
        Assert.Equal(["Working"], @case.States); // tasks/2 still runs

        @case = Accept(Fire(Accept(Fire(@case, "Begin", "tasks/2")), "Finish", "tasks/2"));

        Assert.Equal(["Failed"], @case.States);
    }

    [Fact]
    public void Tick_BranchDeadlineOverdue_RemindsEscalatesAndFiresInItsOwnBranch()
    {
        var @case = Planned(("dig", "2024-03-20"), ("plant", "2024-04-30"));
        @case = Accept(Fire(@case, "Begin", "tasks/1"));
        @case = Accept(Fire(@case, "Begin", "tasks/2"));
        var deadlines = new DeadlineEngine(Runner);

        var tick = deadlines.Tick(@case, Instant.FromUtc(2024, 3, 25, 0, 0));

        Assert.Equal([DeadlineEventKind.Reminder, DeadlineEventKind.Overdue], tick.Events.Select(e => e.Kind));
        Assert.All(tick.Events, e => Assert.Equal("tasks/1", e.Deadline.Branch));
        Assert.True(tick.Events[^1].AutoFire!.Accepted);
        Assert.Equal(["Failed", "Doing"], tick.Case.Branches.Select(b => b.State));
        Assert.Contains(tick.Case.History, h => h.Kind == HistoryKind.Escalated && h.Branch == "tasks/1");
        var open = Assert.Single(tick.Case.ActiveDeadlines, d => d.Status == DeadlineStatus.Open);
        Assert.Equal("tasks/2", open.Branch);
    }

    [Fact]
    public void Fire_LeavingTheCallingState_EndsTheBranchesAndClosesTheirDeadlines()
    {
        var @case = Accept(Fire(Planned(("dig", "2024-03-20"), ("plant", "2024-04-30")), "Begin", "tasks/1"));

        var result = Fire(@case, "Cancel");
        @case = Accept(result);

        Assert.Equal(["Failed"], @case.States);
        Assert.Empty(@case.Branches);
        Assert.Empty(@case.ActiveDeadlines);
        Assert.Equal("task/term@tasks/1#1", Assert.Single(result.DeadlinesClosed).Key);
    }

    [Fact]
    public void PermittedInBranches_ListsEachRunningBranchWithItsStatesAndTriggers()
    {
        var @case = Accept(Fire(Planned(("dig", "2024-03-20"), ("plant", "2024-04-30")), "Begin", "tasks/1"));

        var permitted = Runner.PermittedInBranches(@case, "clerk");

        Assert.Equal(
            [("tasks/1", "Doing", "Finish,Fail"), ("tasks/2", "Open", "Begin")],
            permitted.Select(p => (p.Branch, string.Join("/", p.States), string.Join(",", p.Triggers.Select(t => t.Id)))));
        Assert.Equal(["Cancel"], Runner.PermittedTriggers(@case, "clerk").Select(t => t.Id));
    }
}
