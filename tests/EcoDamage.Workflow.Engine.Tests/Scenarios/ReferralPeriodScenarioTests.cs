using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>
/// Issue 12, errors 1 and 2: the 30-day preliminary check runs from receipt of a referral (R7, seed line 25), and a
/// check left overdue can be acted on by the procuratorate and the rights holder (R9, seed line 27).
/// </summary>
public sealed class ReferralPeriodScenarioTests
{
    private static CaseDriver Referred() => NewClue().Attach("referralLetter")
        .Fire("Refer", Department, ("referredTo", "waterBureau"), ("referralReason", "水资源损害属水利部门职责"));

    [Fact]
    public void Refer_UntouchedReferral_IsRemindedAndEscalatedThirtyDaysFromReceipt()
    {
        // R7 (seed line 25): 接受线索移送的相关部门或机构，要在三十日内……进行初步核查 — the period runs while Referred.
        var d = Referred();
        Assert.Equal([("preliminaryCheck", At(2026, 4, 2))], d.OpenedDue);

        d.Advance(Period.FromDays(31));

        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "preliminaryCheck", "7d", At(2026, 3, 26)),
                (DeadlineEventKind.Reminder, "preliminaryCheck", "1d", At(2026, 4, 1)),
                (DeadlineEventKind.Overdue, "preliminaryCheck", Procuratorate, At(2026, 4, 2)),
            ],
            d.EventLog);
        Assert.Equal([Procuratorate], d.Escalations);
        Assert.Equal("Referred", d.Case.State);
    }

    [Fact]
    public void AcceptReferral_TenDaysAfterReceipt_KeepsTheRunningPeriod()
    {
        // R7: accepting a referral does not give the receiver another 30 days.
        var d = Referred().Advance(Period.FromDays(10)).Fire("AcceptReferral", Department);

        Assert.Empty(d.Last!.DeadlinesOpened);
        Assert.Empty(d.Last.DeadlinesClosed);
        var check = Assert.Single(d.Case.ActiveDeadlines);
        Assert.Equal(("preliminaryCheck", At(2026, 4, 2)), (check.DeadlineId, check.Due));
        Assert.Equal(["ClueScreening", "Referred", "PreliminaryCheck"], d.Visited);
    }

    [Fact]
    public void DeclineReferral_NeedsAReasonAndReturnsTheClueToTheReferringSide()
    {
        var d = Referred();
        var refusal = Assert.Single(d.Refused("DeclineReferral", Department));
        Assert.Equal((RefusalKind.MissingData, "referralReturnReason"), (refusal.Kind, refusal.Subject));

        d.Fire("DeclineReferral", Department, ("referralReturnReason", "不属于水利部门职责"));

        Assert.Equal("ClueScreening", d.Case.State);
        Assert.False(d.Case.Data.TryGetValue("referredTo", out _));
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == "referringDepartment");
        Assert.Equal("preliminaryCheck", Assert.Single(d.Last.DeadlinesClosed).DeadlineId);

        // A new referral is a new receipt: its 30 days start again.
        d.Advance(Period.FromDays(2)).Attach("referralLetter")
            .Fire("Refer", Department, ("referredTo", "agricultureBureau"), ("referralReason", "水生生物"));
        Assert.Equal(At(2026, 4, 4), Assert.Single(d.Case.ActiveDeadlines).Due);
    }

    [Fact]
    public void ReturnReferral_AfterAcceptance_GoesBackToScreeningButNotForAnOwnClue()
    {
        var d = Referred().Fire("AcceptReferral", Department)
            .Fire("ReturnReferral", Department, ("referralReturnReason", "核查发现属农业农村部门职责"));
        Assert.Equal(["ClueScreening", "Referred", "PreliminaryCheck", "ClueScreening"], d.Visited);

        var own = NewClue().Fire("StartPreliminaryCheck", Department);
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(own.Refused("ReturnReferral", Department, ("referralReturnReason", "x"))).Kind);
    }

    [Fact]
    public void Refer_ToADepartmentNotInTheReferenceData_IsRefused()
    {
        // Error 1: referral targets are department ids of reference/organisation.yaml, not free text.
        var d = NewClue().Attach("referralLetter");

        var refusal = Assert.Single(d.Refused("Refer", Department, ("referredTo", "市水利局"), ("referralReason", "水资源")));

        Assert.Equal((RefusalKind.InvalidData, "referredTo"), (refusal.Kind, refusal.Subject));
        Assert.Contains("'departments'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UrgeToStart_OverdueEscalatedCheck_ProcuratorateUrgesAndRightsHolderOrdersTheStart()
    {
        // R9 (seed line 27): 检察机关……督促赔偿权利人启动赔偿程序，赔偿权利人要求……及时启动索赔.
        var d = NewClue().Fire("StartPreliminaryCheck", Department);
        var early = Assert.Single(d.Refused("UrgeToStart", Procuratorate));
        Assert.Equal((RefusalKind.PeriodNotElapsed, "preliminaryCheck"), (early.Kind, early.Subject));

        d.Advance(Period.FromDays(31));
        Assert.Equal([Procuratorate], d.Escalations);
        d.Fire("UrgeToStart", Procuratorate);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == RightsHolder);

        d.Attach("caseOpeningDecision").Fire("OrderToStart", RightsHolder);

        Assert.Equal(["ClueScreening", "PreliminaryCheck", "UnderSupervision", "Investigation"], d.Visited);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Publish && a.Target == "CaseOpened");
    }

    [Fact]
    public void OrderToStart_OverdueUnacceptedReferral_RightsHolderOrdersTheStartDirectly()
    {
        var d = Referred().Advance(Period.FromDays(31)).Attach("caseOpeningDecision").Fire("OrderToStart", RightsHolder);

        Assert.Equal(["ClueScreening", "Referred", "Investigation"], d.Visited);
        Assert.Empty(d.Case.ActiveDeadlines);
    }

    [Fact]
    public void DismissClue_NeedsAGroundAndIsCopiedToTheProcuratorate()
    {
        var d = NewClue();
        Assert.Equal(
            (RefusalKind.MissingData, "dismissalGround"),
            Assert.Single(d.Refused("DismissClue", Department)) is var r ? (r.Kind, r.Subject) : default);

        d.Fire("DismissClue", Department, ("dismissalGround", "noDamage"));

        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.CopyTo && a.Target == Procuratorate);
        Assert.DoesNotContain(d.Last.Actions, a => a.Kind == ActionKind.Notify);
    }

    [Fact]
    public void DismissClue_TransferredByTheProcuratorate_AnswersIt()
    {
        var d = CaseDriver.StartClaim(Monday, ("channel", "procuratorateTransfer"), ("domain", "forestry"), ("jurisdiction", "rugao"))
            .Fire("DismissClue", Department, ("dismissalGround", "duplicateClue"));

        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.CopyTo && a.Target == Procuratorate);
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.Notify && a.Target == Procuratorate);
        Assert.Equal("ClueDismissed", d.Case.State);
    }
}
