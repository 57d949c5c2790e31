using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Migration;

/// <summary>
/// Moving claims from 2.0.0 to 2.1.0 (<see cref="ClaimVersions"/>): ClueScreening → ClueIntake (new 15-day screening
/// deadline), Referred renamed ReferralReceived and left out of the plan, preliminary check (R7, seed line 25) 30 → 45 days.
/// </summary>
public sealed class CaseMigratorTests
{
    private static readonly SemanticVersion V200 = new(2, 0, 0);
    private static readonly SemanticVersion V210 = new(2, 1, 0);

    /// <summary>Monday 2026-03-02 10:00 in Asia/Shanghai.</summary>
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 2, 0);

    /// <summary>Thursday 2026-03-05 10:00 in Asia/Shanghai: when the migration runs.</summary>
    private static readonly Instant Thursday = Instant.FromUtc(2026, 3, 5, 2, 0);

    private static readonly Actor Clerk = new("clerk", Roles.Department);

    private static readonly WorkflowEngine Engine = new(ClaimVersions.Catalog);

    private static CompiledWorkflow From => ClaimVersions.Catalog.Find("claim", V200)!;

    private static CompiledWorkflow To => ClaimVersions.Catalog.Find("claim", V210)!;

    private static MigrationPlan Plan(DeadlinePolicy deadlines = DeadlinePolicy.Recompute) =>
        new("claim", V200, V210, new Dictionary<string, string> { ["ClueScreening"] = "ClueIntake" }, deadlines);

    [Fact]
    public void Migrate_ClueInScreening_MapsTheStateAndOpensTheNewDeadlineFromTheStateEntry()
    {
        var clue = Start("A");

        var result = CaseMigrator.Migrate(clue, Plan(), From, To, Thursday);

        Assert.False(result.IsUnmappable, result.Reason);
        var migrated = result.Case!;
        Assert.Equal(("ClueScreening", "ClueIntake"), (result.FromState, result.ToState));
        Assert.Equal(new CaseFrame("claim", V210, "ClueIntake"), Assert.Single(migrated.Frames));
        Assert.Equal(clue.Version + 1, migrated.Version);
        // 15 days counted from the clue's registration on Monday 2026-03-02: last day Tuesday 2026-03-17, due at its end.
        var opened = Assert.Single(result.Opened);
        Assert.Equal(new DeadlineChange("claim/screening#1", "screening", null, Instant.FromUtc(2026, 3, 17, 16, 0)), opened);
        var screening = Assert.Single(migrated.ActiveDeadlines);
        Assert.Equal((Monday, Thursday, new LocalDate(2026, 3, 17)), (screening.Anchor, screening.OpenedAt, screening.LastDay));
        Assert.Empty(result.Closed);
        Assert.Empty(result.Moved);
        // Nothing entered, nothing fired: the history and the data are the case's own.
        Assert.Same(clue.History, migrated.History);
        Assert.Same(clue.Data, migrated.Data);
    }

    [Fact]
    public void Migrate_PreliminaryCheckWithRecompute_MovesTheDueDateTo45Days()
    {
        var checking = Fire(Start("B"), "StartPreliminaryCheck");
        var before = Assert.Single(checking.ActiveDeadlines);
        Assert.Equal(Instant.FromUtc(2026, 4, 1, 16, 0), before.Due); // R7: 30 days from 2026-03-02, last day 2026-04-01

        var result = CaseMigrator.Migrate(checking, Plan(), From, To, Thursday);

        Assert.Equal(("PreliminaryCheck", "PreliminaryCheck"), (result.FromState, result.ToState));
        var moved = Assert.Single(result.Moved);
        Assert.Equal(new DeadlineChange("claim/preliminaryCheck#1", "preliminaryCheck", before.Due, Instant.FromUtc(2026, 4, 16, 16, 0)), moved);
        var after = Assert.Single(result.Case!.ActiveDeadlines);
        Assert.Equal((before.Key, new LocalDate(2026, 4, 16), before.Anchor), (after.Key, after.LastDay, after.Anchor));
        // Reminders 7 and 1 days before the new last day, none sent yet.
        Assert.Equal([Instant.FromUtc(2026, 4, 9, 16, 0), Instant.FromUtc(2026, 4, 15, 16, 0)], after.Reminders.Select(r => r.At));
        Assert.All(after.Reminders, r => Assert.False(r.Sent));
        Assert.Empty(result.Opened);
    }

    [Fact]
    public void Migrate_KeepPolicy_LeavesTheDueDateAsItWas()
    {
        var checking = Fire(Start("C"), "StartPreliminaryCheck");

        var result = CaseMigrator.Migrate(checking, Plan(DeadlinePolicy.Keep), From, To, Thursday);

        Assert.Empty(result.Moved);
        Assert.Equal(Assert.Single(checking.ActiveDeadlines) with { }, Assert.Single(result.Case!.ActiveDeadlines));
    }

    [Fact]
    public void Migrate_CloseOverride_ClosesTheDeadlineAndDoesNotReopenIt()
    {
        var checking = Fire(Start("D"), "StartPreliminaryCheck");
        var plan = Plan() with { DeadlineOverrides = new Dictionary<string, DeadlinePolicy> { ["preliminaryCheck"] = DeadlinePolicy.Close } };

        var result = CaseMigrator.Migrate(checking, plan, From, To, Thursday);

        var closed = Assert.Single(result.Closed);
        Assert.Equal(new DeadlineChange("claim/preliminaryCheck#1", "preliminaryCheck", Instant.FromUtc(2026, 4, 1, 16, 0), null), closed);
        Assert.Empty(result.Case!.ActiveDeadlines);
        Assert.Equal(Thursday, Assert.Single(result.Case.Deadlines).ClosedAt);
        Assert.Empty(result.Opened);
    }

    [Fact]
    public void Migrate_ReferredClue_IsUnmappableWithTheReason()
    {
        var referred = Fire(Attach(Start("E"), "referralLetter"), "Refer", ("referredTo", "naturalResourcesBureau"), ("referralReason", "outside remit"));
        Assert.Equal("Referred", referred.State);

        var result = CaseMigrator.Migrate(referred, Plan(), From, To, Thursday);

        Assert.True(result.IsUnmappable);
        Assert.Equal("Referred", result.FromState);
        Assert.Equal("state 'Referred' is not mapped by the plan and claim@2.1.0 does not declare it", result.Reason);
    }

    [Fact]
    public void Migrate_CaseInTheConsultationSubProcess_KeepsTheSubProcessFrame()
    {
        var consulting = ToConsultation();
        Assert.Equal(2, consulting.Frames.Length);

        var result = CaseMigrator.Migrate(consulting, Plan(), From, To, Thursday);

        Assert.False(result.IsUnmappable, result.Reason);
        Assert.Equal(consulting.Frames[1], result.Case!.Frames[1]);
        Assert.Equal(V210, result.Case.Frames[0].Version);
        Assert.Equal(consulting.ActiveDeadlines.Where(d => d.DefinitionId == "consultation"), result.Case.ActiveDeadlines.Where(d => d.DefinitionId == "consultation"));
    }

    [Fact]
    public void Migrate_MigratedClue_FiresOnTheNewVersion()
    {
        var migrated = CaseMigrator.Migrate(Start("F"), Plan(), From, To, Thursday).Case!;

        var fired = Engine.Fire(migrated, new FireRequest("StartPreliminaryCheck", Clerk, Thursday));

        Assert.True(fired.Accepted, string.Join("; ", fired.Refusals.Select(r => r.Message)));
        Assert.Equal("PreliminaryCheck", fired.Case.State);
        // The screening deadline closes as ClueIntake is left; the 45-day check counts from Thursday (last day 2026-04-19, a Sunday → Monday 04-20).
        Assert.Equal(["claim/screening#1"], fired.DeadlinesClosed.Select(d => d.Key));
        Assert.Equal(new LocalDate(2026, 4, 20), Assert.Single(fired.DeadlinesOpened).LastDay);
    }

    [Fact]
    public void Migrate_CaseOnAnotherVersion_IsUnmappable()
    {
        var migrated = CaseMigrator.Migrate(Start("G"), Plan(), From, To, Thursday).Case!;

        var again = CaseMigrator.Migrate(migrated, Plan(), From, To, Thursday);

        Assert.Equal("the case is on claim@2.1.0, not on claim@2.0.0", again.Reason);
    }

    private static CaseInstance Start(string id)
    {
        var started = Engine.Start("claim", V200, id, Clerk, Monday, Data(("channel", "suddenIncident"), ("domain", "environmentalPollution"), ("jurisdiction", "chongchuan")));
        Assert.True(started.Accepted, string.Join("; ", started.Refusals.Select(r => r.Message)));
        return started.Case;
    }

    private static CaseInstance Fire(CaseInstance @case, string trigger, params (string Field, object? Value)[] data)
    {
        var fired = Engine.Fire(@case, new FireRequest(trigger, Clerk, Monday, Data(data)));
        Assert.True(fired.Accepted, $"{trigger}: " + string.Join("; ", fired.Refusals.Select(r => r.Message)));
        return fired.Case;
    }

    private static CaseInstance Attach(CaseInstance @case, params string[] types)
    {
        foreach (var type in types)
        {
            var attached = Engine.AttachDocument(@case, type, new LocalDate(2026, 3, 2), null, Clerk, Monday);
            Assert.True(attached.Accepted, string.Join("; ", attached.Refusals.Select(r => r.Message)));
            @case = attached.Case;
        }

        return @case;
    }

    private static CaseInstance ToConsultation()
    {
        var c = Fire(Start("H"), "StartPreliminaryCheck");
        c = Fire(Attach(c, "preliminaryCheckReport", "caseOpeningDecision"), "OpenCase", ("damageFound", true));
        c = Fire(Attach(c, "siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence"), "CompleteInvestigation",
            ("estimatedDamage", 1_200_000m), ("factsSimple", false), ("liabilityUndisputed", false), ("damageSmall", false));
        c = Fire(c, "CommissionAppraisal", ("appraisalMode", "qualifiedInstitution"));
        c = Attach(c, "appraisalOpinion");
        var delivered = Engine.Fire(c, new FireRequest("DeliverAppraisal", new Actor("appraiser", Roles.Appraiser), Monday, Data(("assessedDamage", 1_000_000m))));
        Assert.True(delivered.Accepted, string.Join("; ", delivered.Refusals.Select(r => r.Message)));
        return Fire(Attach(delivered.Case, "compensationOpinionLetter"), "IssueOpinionLetter");
    }

    private static Dictionary<string, object?> Data(params (string Field, object? Value)[] data) =>
        data.ToDictionary(d => d.Field, d => d.Value);
}
