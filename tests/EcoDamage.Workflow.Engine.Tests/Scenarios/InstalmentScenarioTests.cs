using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>
/// Instalments (R25; seed line 56: 在赔偿义务人提供有效担保的情况下，可以采取分期赔付、延长缴纳期限…) through the shipped
/// claim: only with a guarantee; each instalment's own deadline; a missed one calls the guarantee and leads to
/// non-performance and enforcement (R16), the others' deadlines closed; all paid returns to the funds settlement.
/// </summary>
public sealed class InstalmentScenarioTests
{
    private static RecordList Plan(params (string Due, decimal Amount)[] items) =>
        RecordList.From(items.Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["due"] = i.Due, ["amount"] = i.Amount }));

    private static RecordList ThreeInstalments => Plan(("2026-05-29", 400_000m), ("2026-06-30", 300_000m), ("2026-07-31", 300_000m));

    /// <summary>A judicially confirmed agreement (N4) performed by repair: the claim waits in FundsSettlement on 2026-04-02.</summary>
    private static CaseDriver ConfirmedAndRepaired()
    {
        var d = NewClue().ToAgreement().Attach("confirmationApplication", "confirmationRuling")
            .Fire("ApplyJudicialConfirmation", Department)
            .NoticePublished()
            .Advance(Period.FromDays(31))
            .Fire("RuleAgreementValid", Court)
            .RepairChosen(new LocalDate(2026, 9, 30))
            .Attach("repairCompletionReport")
            .Fire("CompleteRepair", Obligor)
            .Evaluated(passed: true)
            .Fire("SettleDeposit", Department)
            .CollectionDesignated();
        Assert.Equal(["FundsSettlement"], d.Case.States);
        return d;
    }

    private static CaseDriver Arranged(CaseDriver d) => d
        .Attach("guaranteeDocument")
        .Fire("ArrangeInstalments", Department, ("guaranteeProvided", true), ("instalments", ThreeInstalments));

    // An instalment is a payment like any other (R27): by the designated department, itemised by N9 head in the ledger.
    // The agreement's items are paid in order: clean-up and repair 600,000, service-function loss 300,000, appraisal 100,000.
    private static CaseDriver Pay(CaseDriver d, long instalment, decimal amount)
    {
        var paid = d.Case.Ledger.Where(e => e.Kind == Engine.Ledger.LedgerKind.Paid).Sum(e => e.Amount);
        var items = new List<(string Head, decimal Amount)>();
        var (start, rest) = (paid, amount);
        decimal before = 0;
        foreach (var (head, owed) in AgreedItems)
        {
            var open = Math.Max(0, Math.Min(owed, before + owed - start));
            var take = Math.Min(open, rest);
            if (take > 0)
            {
                items.Add((head, take));
                rest -= take;
                start += take;
            }

            before += owed;
        }

        return d.Attach("paymentVoucher")
            .FireAs("PayInstalment", Collector, ("instalment", instalment), ("instalmentPaid", amount), LedgerItems.LedgerData("paid", [.. items]));
    }

    [Fact]
    public void ArrangeInstalments_WithoutAValidGuarantee_IsRefused()
    {
        var d = ConfirmedAndRepaired();

        Assert.Equal(RefusalKind.MissingDocument, Assert.Single(d.Refused("ArrangeInstalments", Department, ("guaranteeProvided", true), ("instalments", ThreeInstalments))).Kind);
        d.Attach("guaranteeDocument");
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ArrangeInstalments", Department, ("guaranteeProvided", false), ("instalments", ThreeInstalments))).Kind);
        Assert.Equal(
            (RefusalKind.InvalidData, "instalments[1].due"),
            d.Refused("ArrangeInstalments", Department, ("guaranteeProvided", true), ("instalments", Plan(("2026-06-30", 1m), ("2026-05-29", 1m)))).Select(r => (r.Kind, r.Subject)).Single());
    }

    [Fact]
    public void ArrangeInstalments_ThreeInstalments_OpensADeadlineOnEachDueDate()
    {
        var d = Arranged(ConfirmedAndRepaired());

        Assert.Equal(["PayingInstalments"], d.Case.States);
        Assert.Equal(
            [("claim/instalments@1#1", At(2026, 5, 30)), ("claim/instalments@2#1", At(2026, 7, 1)), ("claim/instalments@3#1", At(2026, 8, 1))],
            d.Case.ActiveDeadlines.Select(x => (x.Key, x.Due)));
        Assert.All(d.Case.ActiveDeadlines, x => Assert.Equal(Obligor, x.RemindRole));
        Assert.Equal(1_000_000m, d.Case.Data["instalmentPlanTotal"]);
    }

    [Fact]
    public void InstalmentDefault_SecondMissed_CallsTheGuaranteeClosesTheOthersAndLeadsToEnforcement()
    {
        var d = Arranged(ConfirmedAndRepaired());
        d.AdvanceTo(new LocalDateTime(2026, 5, 20, 10, 0));
        Pay(d, 1, 400_000m);

        d.AdvanceTo(new LocalDateTime(2026, 7, 3, 9, 0));

        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "claim/instalments@2#1", At(2026, 6, 24)),
                (DeadlineEventKind.Reminder, "claim/instalments@2#1", At(2026, 6, 30)),
                (DeadlineEventKind.Overdue, "claim/instalments@2#1", At(2026, 7, 1)),
            ],
            d.Events.Where(e => e.Deadline.DeadlineId == "instalments").Select(e => (e.Kind, e.Deadline.Key, e.ScheduledAt)));
        Assert.Equal("InstalmentMissed", d.Events[^1].AutoFire!.Trigger);
        Assert.Equal(["NonPerformance"], d.Case.States);
        Assert.Equal(true, d.Case.Data["guaranteeCalled"]);
        Assert.Equal([Department], d.Escalations);
        Assert.Empty(d.Case.ActiveDeadlines);
        var third = d.Case.Deadlines.Single(x => x.Key == "claim/instalments@3#1");
        Assert.Equal((DeadlineStatus.Closed, At(2026, 7, 1)), (third.Status, third.ClosedAt));

        d.Attach("enforcementApplication").Fire("ApplyEnforcement", Department);

        Assert.Equal(["FundsSettlement", "PayingInstalments", "NonPerformance", "Enforcement"], d.VisitedFrom("FundsSettlement"));
    }

    [Fact]
    public void Instalments_AllPaidOnTime_ReturnToFundsSettlementAndTheCaseCloses()
    {
        var d = Arranged(ConfirmedAndRepaired());
        d.AdvanceTo(new LocalDateTime(2026, 5, 20, 10, 0));
        Pay(d, 1, 400_000m);
        d.AdvanceTo(new LocalDateTime(2026, 6, 15, 10, 0));
        Pay(d, 2, 100_000m);
        Assert.Equal(["PayingInstalments"], d.Case.States);
        Pay(d, 2, 200_000m);
        Pay(d, 3, 300_000m);

        Assert.Equal(["FundsSettlement"], d.Case.States);
        Assert.Equal("InstalmentsCompleted", Assert.Single(d.Last!.FollowUps).Trigger);
        Assert.Empty(d.Case.ActiveDeadlines);
        Assert.Empty(d.Escalations);

        // Every instalment paid through the ledger: the agreement is settled and the case closes (R16).
        Assert.True((bool)d.Case.Data["settled"]!);
        d.Fire("ReviewClosure", Department).Fire("CloseCase", Department);
        Assert.Equal(["PayingInstalments", "FundsSettlement", "ClosureReview", "Closed"], d.VisitedFrom("PayingInstalments"));
    }
}
