using CsCheck;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Ledger;
using EcoDamage.Workflow.Engine.Tests.Scenarios;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Ledger;

/// <summary>
/// Issue 12's property: for any sequence of ledger operations on the shipped claim, per-head balances reconcile
/// (owed = paid + credited + inKind + escrowed + outstanding; released ≤ escrowed; every amount above zero, N9/N10)
/// and a case never closes owing (R16).
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly string[] Heads = ["cleanUpAndRepair", "serviceFunctionLoss", "investigationAndAppraisal", "permanentLoss", "noSuchHead"];

    private static readonly (string Trigger, string Kind)[] Operations =
    [
        ("RecordPayment", "paid"), ("RecordCredit", "credited"), ("RecordInKind", "inKind"), ("DepositInEscrow", "escrowed"),
        ("ReleaseEscrow", "released"), ("RecordPayment", "credited"), ("ReviewClosure", string.Empty), ("CloseCase", string.Empty),
    ];

    /// <summary>A money-only agreement (¥1,000,000 over three heads) in FundsSettlement, collection designated, every document attached.</summary>
    private static readonly Lazy<CaseDriver> Base = new(() =>
    {
        var d = ClaimSteps.NewClue().Opened().Investigated().Appraised().ConsultationStarted().NoticeServed().Meeting()
            .AgreementSigned(repair: false).Fire("PerformWithoutConfirmation", Department).CollectionDesignated()
            .Attach("paymentVoucher", "costReceipt", "inKindAcceptance", "escrowCertificate", "projectMatchDecision");
        Assert.Equal(["FundsSettlement"], d.Case.States);
        return d;
    });

    /// <summary>Stands for "what is outstanding under the item's head now" (so that runs can settle and close).</summary>
    private const decimal Outstanding = decimal.MaxValue;

    private static readonly Gen<Op> OneOp = Gen.Select(
        Gen.Int[0, Operations.Length - 1], Gen.Int[0, Heads.Length - 1],
        Gen.Frequency(
            (3, Gen.Const(Outstanding)), (2, Gen.Int[1, 700_000].Select(i => (decimal)i)), (1, Gen.Const(0m)), (1, Gen.Const(-500m)),
            (1, Gen.Int[1, 5].Select(i => i * 100_000m))),
        Gen.Int[1, 2], Gen.Bool,
        (op, head, amount, count, withBasis) => new Op(op, head, amount, count, withBasis));

    [Fact]
    public void LedgerOperations_AnySequence_BalancesReconcileAndTheCaseNeverClosesOwing()
    {
        var closed = 0;
        var accepted = 0;
        OneOp.Array[1, 25].Sample(ops =>
        {
            var engine = Base.Value.Engine;
            var @case = Base.Value.Case;
            var now = Base.Value.Now;
            foreach (var op in ops)
            {
                now += Duration.FromMinutes(5);
                var result = engine.Fire(@case, Request(op, @case, now));
                if (!result.Accepted)
                {
                    Assert.Same(@case, result.Case);
                    continue;
                }

                Interlocked.Increment(ref accepted);
                @case = result.Case;
                CheckInvariants(@case);
                if (engine.IsClosed(@case))
                {
                    Interlocked.Increment(ref closed);
                    Assert.True(LedgerSummary.Compute(@case.Ledger).Settled, "closed while money is owed");
                    break;
                }
            }
        }, iter: 400, print: ops => string.Join("; ", ops));

        // The runs must reach both outcomes for the property to mean anything.
        Assert.True(accepted > 200, $"only {accepted} accepted operations");
        Assert.True(closed > 0, "no run closed the case");
    }

    private static void CheckInvariants(CaseInstance @case)
    {
        Assert.All(@case.Ledger, e => Assert.True(e.Amount > 0, $"entry {e.Seq} of {e.Amount}"));
        Assert.Equal(Enumerable.Range(1, @case.Ledger.Count), @case.Ledger.Select(e => e.Seq));
        var summary = LedgerSummary.Compute(@case.Ledger);
        foreach (var head in summary.Heads)
        {
            Assert.Equal(head.Owed, head.Paid + head.Credited + head.InKind + head.Escrowed + head.Outstanding);
            Assert.True(head.Released <= head.Escrowed, $"{head.Head}: released {head.Released} of {head.Escrowed} escrowed");
        }

        Assert.Equal(summary.Totals.Owed, @case.Data["owedTotal"]);
        Assert.Equal(summary.Heads.Sum(h => h.Outstanding), @case.Data["outstandingTotal"]);
        Assert.Equal(summary.Settled, @case.Data["settled"]);
    }

    private static FireRequest Request(Op op, CaseInstance @case, Instant now)
    {
        var (trigger, kind) = Operations[op.Operation];
        var actor = trigger == "RecordPayment" ? ClaimSteps.Collector : new Actor("officer", Department);
        if (kind.Length == 0)
        {
            return new FireRequest(trigger, actor, now);
        }

        var summary = LedgerSummary.Compute(@case.Ledger);
        var items = Enumerable.Range(0, op.Count).Select(i => Heads[(op.Head + i) % Heads.Length]).Select(head => LedgerItems.Item(
            kind, head, op.Amount == Outstanding ? summary.Of(head).Outstanding : op.Amount,
            op.WithBasis ? [("basis", "已垫付应急处置费用"), ("document", "costReceipt"), ("project", "河道生态修复项目")] : [])).ToArray();
        return new FireRequest(trigger, actor, now, new Dictionary<string, object?> { [LedgerItems.LedgerData(items).Field] = LedgerItems.LedgerData(items).Value });
    }

    /// <summary>One generated operation: which trigger and kind, from which head, how much, how many items, with or without basis/document/project.</summary>
    public sealed record Op(int Operation, int Head, decimal Amount, int Count, bool WithBasis)
    {
        public override string ToString() => $"{Operations[Operation].Trigger}:{Operations[Operation].Kind} {Heads[Head]} {(Amount == Outstanding ? "outstanding" : Amount)} x{Count}{(WithBasis ? " +basis" : string.Empty)}";
    }
}
