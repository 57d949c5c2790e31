using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>
/// Issue 12, errors 4, 5 and 12: the court's notice counts from publication (N4), the payment order's periods from
/// acceptance and from service (N5), and no statutory period can be cut short by anyone (<c>after:</c>).
/// </summary>
public sealed class StatutoryPeriodScenarioTests
{
    private static CaseDriver ConfirmationApplied() => NewClue().ToAgreement()
        .AdvanceTo(new LocalDateTime(2026, 4, 1, 9, 0))
        .Attach("confirmationApplication")
        .Fire("ApplyJudicialConfirmation", Department);

    [Fact]
    public void CourtNotice_CountsFromPublicationNotFromTheApplication()
    {
        // N4: the court publishes the agreement for at least 30 days — from publication (2026-04-10), not from the
        // parties' application (2026-04-01): last day 2026-05-10, ending at 2026-05-11 00:00.
        var d = ConfirmationApplied();
        Assert.Empty(d.Case.ActiveDeadlines);

        d.AdvanceTo(new LocalDateTime(2026, 4, 10, 15, 0)).NoticePublished(new LocalDate(2026, 4, 10));

        var notice = Assert.Single(d.Case.ActiveDeadlines);
        Assert.Equal(("courtNotice", new LocalDate(2026, 5, 10), At(2026, 5, 11)), (notice.DeadlineId, notice.LastDay, notice.Due));
    }

    [Fact]
    public void NoticePeriodEnded_FiredEarlyByTheCourt_IsRefusedNamingThePeriodAndItsDate()
    {
        // Error 12 / N4: no one may end the notice period before it has run.
        var d = ConfirmationApplied().NoticePublished().AdvanceTo(new LocalDateTime(2026, 4, 20, 9, 0));

        var refusal = Assert.Single(d.Refused("NoticePeriodEnded", Court));

        Assert.Equal((RefusalKind.PeriodNotElapsed, "courtNotice"), (refusal.Kind, refusal.Subject));
        Assert.Contains("公告期（自公告之日起不少于30日）", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2026-05-01", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2026-05-02 00:00", refusal.Message, StringComparison.Ordinal);

        d.AdvanceTo(new LocalDateTime(2026, 5, 2, 9, 0));
        Assert.Equal("NoticePeriodEnded", Assert.Single(d.Events).AutoFire!.Trigger);
        Assert.Equal(["AwaitingRuling"], d.Case.States);
    }

    [Fact]
    public void NoticePeriodEnded_FiredEarlyBySystem_IsRefusedToo()
    {
        var d = ConfirmationApplied().NoticePublished();

        var result = d.Engine.Fire(d.Case, new FireRequest("NoticePeriodEnded", Actor.System, d.Now.Plus(Duration.FromDays(3))));

        Assert.Equal(RefusalKind.PeriodNotElapsed, Assert.Single(result.Refusals).Kind);
    }

    [Fact]
    public void ApplyPaymentOrder_ForARepairObligation_IsRefused()
    {
        // N5: a payment order is only for a money debt, never for a repair obligation.
        var d = NewClue().ToRepairPlanning().Fire("DeclareNonPerformance", Department)
            .Attach("paymentOrderApplication");

        var refusal = Assert.Single(d.Refused("ApplyPaymentOrder", Department));

        Assert.Equal(RefusalKind.GuardFailed, refusal.Kind);
        Assert.Contains("!repairObligation", refusal.Message, StringComparison.Ordinal);
    }

    private static CaseDriver PaymentOrderAccepted() => NewClue().ToMoneyDefault()
        .AdvanceTo(new LocalDateTime(2026, 9, 10, 9, 0))
        .Attach("paymentOrderApplication").Fire("ApplyPaymentOrder", Department)
        .AdvanceTo(new LocalDateTime(2026, 9, 14, 9, 0))
        .Attach("paymentOrderAcceptance").Fire("AcceptPaymentOrderApplication", Court);

    [Fact]
    public void PaymentOrder_PeriodsCountFromAcceptanceAndFromService()
    {
        // N5: the court's 15 days from acceptance (09-14, not the application 09-10): last day Tue 09-29;
        // the debtor's 15 days from service (09-24, not issue 09-21): last day Fri 10-09.
        var d = PaymentOrderAccepted();
        var issue = Assert.Single(d.Case.ActiveDeadlines);
        Assert.Equal(("paymentOrderIssue", At(2026, 9, 30)), (issue.DeadlineId, issue.Due));
        Assert.Equal(Department, issue.RemindRole);

        d.AdvanceTo(new LocalDateTime(2026, 9, 24, 9, 0)).Attach("paymentOrder", new LocalDate(2026, 9, 24)).Fire("IssuePaymentOrder", Court);

        var debtor = Assert.Single(d.Case.ActiveDeadlines);
        Assert.Equal(("debtorResponse", new LocalDate(2026, 10, 9), At(2026, 10, 10)), (debtor.DeadlineId, debtor.LastDay, debtor.Due));

        // Error 12: the court cannot declare the order effective inside the debtor's period.
        d.AdvanceTo(new LocalDateTime(2026, 10, 8, 9, 0));
        Assert.Equal(RefusalKind.PeriodNotElapsed, Assert.Single(d.Refused("PaymentOrderEffective", Court)).Kind);
        d.AdvanceTo(new LocalDateTime(2026, 10, 10, 9, 0));
        Assert.Equal(["Enforcement"], d.Case.States);
    }

    [Fact]
    public void DebtorPaid_WithinItsPeriod_GoesToTheTreasuryAndClosurePath()
    {
        var d = PaymentOrderAccepted().Attach("paymentOrder").Fire("IssuePaymentOrder", Court)
            .Advance(Period.FromDays(5)).Fire("DebtorPaid", Department);

        Assert.Equal(["FundsSettlement"], d.Case.States);
        Assert.Empty(d.Case.ActiveDeadlines);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void DebtorObjects_GoesToLitigationWithoutTheN6Gate()
    {
        // N5: a valid objection turns the matter into a suit; the N6 facts (major incident, key zone, serious
        // impact) gate suits without a prior agreement and are not asked here.
        var d = PaymentOrderAccepted().Attach("paymentOrder").Fire("IssuePaymentOrder", Court)
            .Advance(Period.FromDays(3)).Fire("DebtorObjects", Court);

        Assert.Equal(["Litigation"], d.Case.States);
        Assert.False(d.Case.Data.TryGetValue("majorIncident", out _));
        // The agreement was money only: the judgment awards the money (itemised, N9) and the claim goes to the funds.
        d.Attach("judgment").Fire("DeliverJudgment", Court, ("awardedAmount", 1_000_000m), ("repairObligation", false),
            LedgerItems.LedgerData("awarded", AgreedItems));
        Assert.Equal(["FundsSettlement"], d.Case.States);
    }

    [Fact]
    public void PaymentOrderIssue_CourtLate_RemindsAndEscalatesToTheDepartmentNotTheProcuratorate()
    {
        var d = PaymentOrderAccepted().AdvanceTo(new LocalDateTime(2026, 10, 2, 9, 0));

        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "paymentOrderIssue", "3d", At(2026, 9, 27)),
                (DeadlineEventKind.Overdue, "paymentOrderIssue", Department, At(2026, 9, 30)),
            ],
            d.EventLog);
        Assert.Equal([Department], d.Escalations);
        Assert.DoesNotContain(Procuratorate, d.Case.Supervision);
    }

    [Fact]
    public void DeemFailed_BeforeTheConsultationPeriodHasRun_IsRefused()
    {
        // Error 12 / N3: the consultation period (90 days from the written notice) cannot be declared expired early.
        var d = NewClue().Opened().Investigated().Appraised().ConsultationStarted().NoticeServed().Advance(Period.FromDays(30));

        var result = d.Engine.Fire(d.Case, new FireRequest("DeemFailed", Actor.System, d.Now));

        var refusal = Assert.Single(result.Refusals);
        Assert.Equal((RefusalKind.PeriodNotElapsed, "consultationPeriod"), (refusal.Kind, refusal.Subject));
        Assert.Contains("2026-06-01", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignAgreement_OnTheFirstDayOfTheConsultationPeriod_IsNotHeldBack()
    {
        // N3: the period bounds consultation; it never delays an agreement.
        var d = NewClue().Opened().Investigated().Appraised().ConsultationStarted().NoticeServed().AgreementSigned();

        Assert.Equal(["AgreementReached"], d.Case.States);
    }
}
