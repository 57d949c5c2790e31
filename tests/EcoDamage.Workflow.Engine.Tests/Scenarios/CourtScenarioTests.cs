using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>Judicial confirmation and litigation (R16, R17, N4, N6).</summary>
public sealed class CourtScenarioTests
{
    private static CaseDriver ConfirmationApplied() => NewClue().ToAgreement()
        .AdvanceTo(new LocalDateTime(2026, 4, 1, 9, 0))
        .Attach("confirmationApplication")
        .Fire("ApplyJudicialConfirmation", Department);

    [Fact]
    public void JudicialConfirmation_NoticeEndsAndRulingValid_StartsRepair()
    {
        var d = ConfirmationApplied();
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == Court);
        d.NoticePublished();

        // Published 2026-04-01 + 30 days = Fri 2026-05-01 (Labour Day); the notice period does not move (holidayRule: none).
        var notice = d.DeadlinesOpened[^1];
        Assert.Equal(("courtNotice", At(2026, 5, 2)), (notice.DeadlineId, notice.Due));

        d.Advance(Period.FromDays(31));
        var ended = Assert.Single(d.Events);
        Assert.Equal(At(2026, 5, 2), ended.ScheduledAt);
        Assert.Equal("NoticePeriodEnded", ended.AutoFire!.Trigger);
        Assert.True(ended.AutoFire.Accepted);
        Assert.Equal(["AwaitingRuling"], d.Case.States);
        Assert.Equal(RefusalKind.MissingDocument, Assert.Single(d.Refused("RuleAgreementValid", Court)).Kind);

        d.Attach("confirmationRuling").Fire("RuleAgreementValid", Court);

        Assert.Equal(
            ["AgreementReached", "AwaitingPublication", "CourtNotice", "AwaitingRuling", "Performance", "RepairPlanning"],
            d.VisitedFrom("AgreementReached"));
        Assert.Equal(["Performance", "RepairPlanning"], d.Case.States);
        Assert.Equal(true, d.Case.Data["judiciallyConfirmed"]);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Publish && a.Target == "JudicialConfirmationRuled");
    }

    [Fact]
    public void JudicialConfirmation_RulingInvalidAfterNotice_GoesToLitigationDecision()
    {
        // N4: no ruling, valid or not, before the notice period has run (error 12).
        var d = ConfirmationApplied().NoticePublished().Advance(Period.FromDays(10));
        Assert.Equal(RefusalKind.PeriodNotElapsed, Assert.Single(d.Refused("RuleAgreementInvalid", Court)).Kind);

        d.Advance(Period.FromDays(21)).Fire("RuleAgreementInvalid", Court);

        Assert.Equal(["AgreementReached", "AwaitingPublication", "CourtNotice", "AwaitingRuling", "LitigationDecision"], d.VisitedFrom("AgreementReached"));
        Assert.Equal("NoticePeriodEnded", Assert.Single(d.Events).AutoFire!.Trigger);
    }

    [Fact]
    public void FileLawsuit_WithoutQualifyingSituation_IsRefused()
    {
        var d = NewClue().ToLitigationDecision().Attach("complaint");

        var refusals = d.Refused("FileLawsuit", RightsHolder, ("majorIncident", false), ("inKeyZone", false), ("otherSeriousImpact", false));

        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(refusals).Kind);
        Assert.Equal("LitigationDecision", d.Case.State);
    }

    [Fact]
    public void FileLawsuit_InKeyZone_JudgmentLeadsToRepair()
    {
        var d = NewClue().ToLitigationDecision().Attach("complaint")
            .Fire("FileLawsuit", RightsHolder, ("majorIncident", false), ("inKeyZone", true), ("otherSeriousImpact", false));
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == Court);
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.CopyTo && a.Target == Procuratorate);

        d.Advance(Period.FromDays(120)).Attach("judgment")
            .Fire("DeliverJudgment", Court, ("awardedAmount", 1_500_000m), ("repairObligation", true),
                LedgerItems.LedgerData("awarded", ("cleanUpAndRepair", 1_200_000m), ("permanentLoss", 300_000m)));

        // A judgment ordering repair goes through the repair sub-process (N6); the awarded items govern the debt (N9).
        Assert.Equal(["LitigationDecision", "Litigation", "Performance", "RepairPlanning"], d.VisitedFrom("LitigationDecision"));
        Assert.Equal(1_500_000m, d.Case.Data["awardedAmount"]);
        Assert.Equal(1_500_000m, d.Case.Data["owedTotal"]);
        Assert.Equal(false, d.Case.Data["settled"]);
    }

    [Fact]
    public void DismissLawsuit_ByCourt_EndsTheCase()
    {
        var d = NewClue().ToLitigationDecision().Attach("complaint")
            .Fire("FileLawsuit", Department, ("majorIncident", true))
            .Attach("judgment")
            .Fire("DismissLawsuit", Court);

        Assert.Equal(["LitigationDecision", "Litigation", "DismissedByCourt"], d.VisitedFrom("LitigationDecision"));
        Assert.True(d.Engine.IsClosed(d.Case));
    }

    [Fact]
    public void RequestPublicInterestLitigation_AfterFailure_HandsOverToProcuratorate()
    {
        var d = NewClue().ToLitigationDecision().Fire("RequestPublicInterestLitigation", RightsHolder);

        Assert.Equal(["LitigationDecision", "PublicInterestLitigationRequested"], d.VisitedFrom("LitigationDecision"));
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.CopyTo && a.Target == Procuratorate);
        Assert.True(d.Engine.IsClosed(d.Case));
    }
}
