using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>Clue screening, referral and the 30-day preliminary check (R5–R9).</summary>
public sealed class ClueScreeningScenarioTests
{
    [Fact]
    public void DismissClue_FromScreening_EndsDismissedWithoutDeadlines()
    {
        var d = NewClue().Fire("DismissClue", Department, ("description", "非生态环境损害线索"), ("dismissalGround", "notCompensable"));

        Assert.Equal(["ClueScreening", "ClueDismissed"], d.Visited);
        Assert.Empty(d.OpenedDue);
        Assert.True(d.Engine.IsClosed(d.Case));
    }

    [Fact]
    public void Refer_ToAnotherDepartment_CopiesProcuratorateAndSharesStatusOnAcceptance()
    {
        var d = NewClue().Attach("referralLetter")
            .Fire("Refer", Department, ("referredTo", "agricultureBureau"), ("referralReason", "水生生物资源损害"));
        var referral = d.Last!;

        Assert.Contains(referral.Actions, a => a.Kind == ActionKind.CopyTo && a.Target == Procuratorate);
        Assert.Contains(referral.Actions, a => a.Kind == ActionKind.Publish && a.Target == "ClueReferred");
        Assert.Equal("Referred", d.Case.State);

        d.Fire("AcceptReferral", Department);

        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.ShareStatus && a.Target == "referringDepartment");
        Assert.Equal(["ClueScreening", "Referred", "PreliminaryCheck"], d.Visited);
        Assert.Equal([("preliminaryCheck", At(2026, 4, 2))], d.OpenedDue);
    }

    [Fact]
    public void Refer_WithoutReferralLetter_IsRefusedForTheDocument()
    {
        var refusals = NewClue().Refused("Refer", Department, ("referredTo", "waterBureau"), ("referralReason", "水资源"));

        Assert.Equal(RefusalKind.MissingDocument, Assert.Single(refusals).Kind);
    }

    [Fact]
    public void OpenCase_WithinThirtyDays_OpensClaimAndClosesCheckDeadline()
    {
        var d = NewClue().Fire("StartPreliminaryCheck", Department)
            .Attach("preliminaryCheckReport", "caseOpeningDecision");

        // 2026-03-02 10:00 + 30 days: last day Wed 2026-04-01, due at its end.
        Assert.Equal([("preliminaryCheck", At(2026, 4, 2))], d.OpenedDue);
        var noDamage = d.Refused("OpenCase", Department, ("damageFound", false));
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(noDamage).Kind);

        d.Advance(Period.FromDays(20)).Fire("OpenCase", Department, ("damageFound", true), ("estimatedDamage", 800_000m));

        Assert.Equal(["ClueScreening", "PreliminaryCheck", "Investigation"], d.Visited);
        Assert.Equal(["Claim", "Investigation"], d.Last!.Entered);
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.ShareStatus && a.Target == "referringDepartment");
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.Publish && a.Target == "CaseOpened");
        Assert.Equal("preliminaryCheck", Assert.Single(d.Last.DeadlinesClosed).DeadlineId);
        Assert.Empty(d.Case.ActiveDeadlines);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void PreliminaryCheck_Overdue_RemindsThenEscalatesToProcuratorateOnce()
    {
        var d = NewClue().Fire("StartPreliminaryCheck", Department).Advance(Period.FromDays(31));

        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "preliminaryCheck", "7d", At(2026, 3, 26)),
                (DeadlineEventKind.Reminder, "preliminaryCheck", "1d", At(2026, 4, 1)),
                (DeadlineEventKind.Overdue, "preliminaryCheck", Procuratorate, At(2026, 4, 2)),
            ],
            d.EventLog);
        Assert.Equal([Procuratorate], d.Escalations);
        Assert.Contains(Procuratorate, d.Case.Supervision);
        Assert.Equal("PreliminaryCheck", d.Case.State);

        var version = d.Case.Version;
        var again = d.Deadlines.Tick(d.Case, At(2026, 6, 1));
        d.Advance(Period.FromDays(60));

        Assert.Empty(again.Events);
        Assert.Equal(version, d.Case.Version);
        Assert.Equal(3, d.Events.Count);
        Assert.Equal([Procuratorate], d.Escalations);
    }

    [Fact]
    public void PreliminaryCheck_LastDayInNationalDayWeek_MovesToNextWorkingDay()
    {
        // 2026-09-02 + 30 days = Fri 2026-10-02, inside the National Day holiday (Oct 1–7);
        // the next working day is Thu 2026-10-08, so the check is due at 2026-10-09 00:00.
        var d = NewClue(new LocalDateTime(2026, 9, 2, 10, 0)).Fire("StartPreliminaryCheck", Department);

        var deadline = Assert.Single(d.DeadlinesOpened);
        Assert.Equal(At(2026, 10, 9), deadline.Due);
        Assert.Equal(new LocalDate(2026, 10, 8), deadline.LastDay);

        d.AdvanceTo(At(2026, 10, 8, 12));
        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "preliminaryCheck", "7d", At(2026, 10, 2)),
                (DeadlineEventKind.Reminder, "preliminaryCheck", "1d", At(2026, 10, 8)),
            ],
            d.EventLog);
        Assert.Empty(d.Escalations);

        d.AdvanceTo(At(2026, 10, 9));
        Assert.Equal((DeadlineEventKind.Overdue, "preliminaryCheck", Procuratorate, At(2026, 10, 9)), d.EventLog[^1]);
        Assert.Equal([Procuratorate], d.Escalations);
    }
}
