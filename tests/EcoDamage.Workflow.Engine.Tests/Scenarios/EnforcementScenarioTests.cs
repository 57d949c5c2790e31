using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>Non-performance, payment orders, enforcement, funds and closure (R16, R26, R27, R30, N5).</summary>
public sealed class EnforcementScenarioTests
{
    private static CaseDriver NotPerformed(CaseDriver d) => d.Fire("DeclareNonPerformance", Department);

    [Fact]
    public void PaymentOrder_DebtorSilent_TakesEffectAndIsEnforcedToClosure()
    {
        // N5: a money-only agreement (no repair obligation) not paid in full; not confirmed, so no enforcement title yet.
        var d = NewClue().ToMoneyDefault().Attach("enforcementApplication");
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ApplyEnforcement", Department)).Kind);

        // Applied Thu 2026-09-10: +15 days = Fri 2026-09-25 (Mid-Autumn) → Mon 2026-09-28.
        // N5: the court's 15 days count from its acceptance (the acceptance notice's date), the debtor's from service of the order.
        d.AdvanceTo(new LocalDateTime(2026, 9, 10, 9, 0)).Attach("paymentOrderApplication").Fire("ApplyPaymentOrder", Department)
            .Attach("paymentOrderAcceptance").Fire("AcceptPaymentOrderApplication", Court);
        // Issued and served Mon 2026-09-21: +15 days = Tue 2026-10-06 (National Day) → Thu 2026-10-08.
        d.AdvanceTo(new LocalDateTime(2026, 9, 21, 10, 0)).Attach("paymentOrder").Fire("IssuePaymentOrder", Court);
        Assert.Equal([("paymentOrderIssue", At(2026, 9, 29)), ("debtorResponse", At(2026, 10, 9))], d.OpenedDue.TakeLast(2));

        d.AdvanceTo(new LocalDateTime(2026, 10, 12, 9, 0));
        var effective = Assert.Single(d.Events);
        Assert.Equal((DeadlineEventKind.Overdue, At(2026, 10, 9)), (effective.Kind, effective.ScheduledAt));
        Assert.Equal("PaymentOrderEffective", effective.AutoFire!.Trigger);
        Assert.Equal(["Enforcement"], d.Case.States);

        d.Fire("EnforcementCompleted", Court).CollectionDesignated().Paid(AgreedItems).Fire("ReviewClosure", Department);
        // R26 (seed line 58): performance obtained by enforcement is not voluntary: no leniency (issue 12, error 7).
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("RecordLeniency", Department)).Kind);
        d.Fire("CloseCase", Department);

        Assert.Equal(
            ["NonPerformance", "PaymentOrderApplied", "PaymentOrderReview", "DebtorPeriod",
             "Enforcement", "FundsSettlement", "ClosureReview", "Closed"],
            d.VisitedFrom("NonPerformance"));
    }

    [Fact]
    public void PaymentOrder_IssuedLateThenDebtorObjects_EscalatesToTheDepartmentAndGoesToLitigation()
    {
        var d = NewClue().ToMoneyDefault().Attach("paymentOrderApplication").Fire("ApplyPaymentOrder", Department)
            .Attach("paymentOrderAcceptance").Fire("AcceptPaymentOrderApplication", Court);
        // Accepted Mon 2026-03-02: +15 days = Tue 2026-03-17, due 2026-03-18 00:00.
        Assert.Equal(("paymentOrderIssue", At(2026, 3, 18)), d.OpenedDue[^1]);

        d.Advance(Period.FromDays(20));
        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "paymentOrderIssue", "3d", At(2026, 3, 15)),
                (DeadlineEventKind.Overdue, "paymentOrderIssue", Department, At(2026, 3, 18)),
            ],
            d.EventLog);
        // N5: the court's own delay is followed up by the department that applied, not escalated to the procuratorate.
        Assert.Equal([Department], d.Escalations);

        d.Attach("paymentOrder").Fire("IssuePaymentOrder", Court).Advance(Period.FromDays(5)).Fire("DebtorObjects", Court);

        // A valid objection goes to litigation without the N6 gate.
        Assert.Equal(["NonPerformance", "PaymentOrderApplied", "PaymentOrderReview", "DebtorPeriod", "Litigation"], d.VisitedFrom("NonPerformance"));
        Assert.Empty(d.Case.ActiveDeadlines);
    }

    [Fact]
    public void ApplyEnforcement_ConfirmedAgreementNotPerformed_GoesToCompulsoryEnforcement()
    {
        var d = NewClue().ToAgreement().Attach("confirmationApplication", "confirmationRuling")
            .Fire("ApplyJudicialConfirmation", Department)
            .NoticePublished()
            .Advance(Period.FromDays(31))
            .Fire("RuleAgreementValid", Court);
        NotPerformed(d).Attach("paymentOrderApplication", "enforcementApplication");
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ApplyPaymentOrder", Department)).Kind);

        d.Fire("ApplyEnforcement", Department);

        Assert.Equal(["AwaitingRuling", "Performance", "RepairPlanning", "NotPerformed", "NonPerformance", "Enforcement"],
            d.VisitedFrom("AwaitingRuling"));
    }

    [Fact]
    public void FullClaim_ClueToClosure_RecordsLeniencyAndDisclosure()
    {
        var d = NewClue().Opened().Investigated().Appraised(assessed: 1_000_000m)
            .Fire("ClaimPunitiveDamages", Department,
                ("intentionalViolation", true), ("seriousConsequences", true), ("punitiveAmount", 500_000m), ("punitiveFactors", "持续偷排"))
            .ConsultationStarted().NoticeServed()
            .Advance(Period.FromDays(14)).Meeting("村民代表")
            .Advance(Period.FromDays(14)).Meeting().AgreementSigned()
            .Attach("confirmationApplication").Fire("ApplyJudicialConfirmation", Department).NoticePublished()
            .Advance(Period.FromDays(31)).Attach("confirmationRuling").Fire("RuleAgreementValid", Court);
        WithRepairDone(d);
        d.CollectionDesignated().Paid(("cleanUpAndRepair", 600_000m), ("serviceFunctionLoss", 300_000m));
        // R16: ¥100,000 of investigationAndAppraisal is still owed: no closure review yet (issue 12, error 6).
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ReviewClosure", Department)).Kind);

        d.Paid(("investigationAndAppraisal", 100_000m)).Fire("ReviewClosure", Department)
            .Fire("RecordLeniency", Department).Fire("Disclose", Department).Fire("CloseCase", Department);

        Assert.Equal(
            ["ClueScreening", "PreliminaryCheck", "Investigation", "DamageAssessment", "Appraisal", "ConsultationPreparation",
             "Consultation", "NoticePending", "Negotiating", "Agreed", "AgreementReached", "AwaitingPublication", "CourtNotice", "AwaitingRuling",
             "Performance", "RepairPlanning", "ObligorRepairing", "EffectEvaluation", "RepairAccepted", "Completed",
             "FundsSettlement", "ClosureReview", "Closed"],
            d.Visited);
        Assert.Equal(1_000_000m, d.Case.Data["paidTotal"]);
        Assert.Equal(0m, d.Case.Data["outstandingTotal"]);
        // Notice served 03-02 (consultation due 06-02); confirmation applied 03-30 (+30 = 04-29, due 04-30); repair due 09-30.
        Assert.Equal(
            [("preliminaryCheck", At(2026, 4, 2)), ("consultationPeriod", At(2026, 6, 2)), ("courtNotice", At(2026, 4, 30)), ("repairTerm", At(2026, 10, 1))],
            d.OpenedDue);
        Assert.Equal([(DeadlineEventKind.Overdue, "courtNotice", "court", At(2026, 4, 30))], d.EventLog);
        Assert.Equal(true, d.Case.Data["leniencyRecorded"]);
        Assert.Equal(true, d.Case.Data["disclosed"]);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Publish && a.Target == "CaseClosed");
        Assert.True(d.Engine.IsClosed(d.Case));
        Assert.Empty(d.Case.ActiveDeadlines);
        Assert.Empty(d.Escalations);
    }

    private static void WithRepairDone(CaseDriver d) => d
        .Fire("ReceiveDeposit", Department, ("depositAmount", 200_000m))
        .RepairChosen(new LocalDate(2026, 9, 30))
        .AdvanceTo(new LocalDateTime(2026, 8, 31, 10, 0))
        .Attach("repairCompletionReport").Fire("CompleteRepair", Obligor)
        .Evaluated(passed: true)
        .Fire("SettleDeposit", Finance);
}
