namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>A case's ledger balances per head and in total, derived from its entries (never stored).</summary>
public sealed class LedgerSummary
{
    private LedgerSummary(IReadOnlyList<LedgerBalance> heads, LedgerBalance totals, bool awardGoverns)
    {
        Heads = heads;
        Totals = totals;
        AwardGoverns = awardGoverns;
    }

    /// <summary>Balances of every head that has an entry, in the order of <c>ledger.yaml</c> (unknown heads last).</summary>
    public IReadOnlyList<LedgerBalance> Heads { get; }

    /// <summary>Sums over every head (<see cref="LedgerBalance.Head"/> empty).</summary>
    public LedgerBalance Totals { get; }

    /// <summary>True when a judgment's awarded entries govern the debt (else the agreement's).</summary>
    public bool AwardGoverns { get; }

    /// <summary>Something is owed and no head has anything outstanding.</summary>
    public bool Settled => Totals.Owed > 0 && Heads.All(h => h.Outstanding == 0);

    /// <summary>The balance of one head (zeros when it has no entry).</summary>
    public LedgerBalance Of(string head) =>
        Heads.FirstOrDefault(h => h.Head == head) ?? new LedgerBalance(head, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The value a derived field of <paramref name="measure"/> takes: a boolean for Settled, else an amount.</summary>
    /// <param name="measure">What is measured.</param>
    /// <param name="head">One head, or null for every head.</param>
    public object Value(LedgerMeasure measure, string? head)
    {
        if (measure == LedgerMeasure.Settled)
        {
            return head is null ? Settled : Of(head).Of(measure) == 1m;
        }

        if (head is not null)
        {
            return Of(head).Of(measure);
        }

        // The total outstanding is the sum of the heads' (an overpaid head does not offset another's debt).
        return measure == LedgerMeasure.Outstanding ? Heads.Sum(h => h.Outstanding) : Totals.Of(measure);
    }

    /// <summary>Computes the balances of <paramref name="entries"/>.</summary>
    /// <param name="entries">The case's ledger.</param>
    /// <param name="heads">The catalog's heads (orders the result).</param>
    public static LedgerSummary Compute(IEnumerable<LedgerEntry> entries, LedgerHeads? heads = null)
    {
        var list = entries as IReadOnlyCollection<LedgerEntry> ?? entries.ToArray();
        var awardGoverns = list.Any(e => e.Kind == LedgerKind.Awarded);
        var governing = awardGoverns ? LedgerKind.Awarded : LedgerKind.Agreed;
        var order = heads?.All.Select((h, i) => (h.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var byHead = list
            .GroupBy(e => e.Head, StringComparer.Ordinal)
            .OrderBy(g => order is not null && order.TryGetValue(g.Key, out var i) ? i : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LedgerBalance(
                g.Key,
                Sum(g, LedgerKind.Claimed),
                Sum(g, LedgerKind.Assessed),
                Sum(g, governing),
                Sum(g, LedgerKind.Paid),
                Sum(g, LedgerKind.Credited),
                Sum(g, LedgerKind.InKind),
                Sum(g, LedgerKind.Escrowed),
                Sum(g, LedgerKind.Released)))
            .ToArray();
        var totals = new LedgerBalance(
            string.Empty,
            byHead.Sum(h => h.Claimed),
            byHead.Sum(h => h.Assessed),
            byHead.Sum(h => h.Owed),
            byHead.Sum(h => h.Paid),
            byHead.Sum(h => h.Credited),
            byHead.Sum(h => h.InKind),
            byHead.Sum(h => h.Escrowed),
            byHead.Sum(h => h.Released));
        return new LedgerSummary(byHead, totals, awardGoverns);
    }

    private static decimal Sum(IEnumerable<LedgerEntry> entries, LedgerKind kind) =>
        entries.Where(e => e.Kind == kind).Sum(e => e.Amount);
}
