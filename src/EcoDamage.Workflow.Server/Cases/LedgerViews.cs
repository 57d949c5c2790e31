using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Ledger;
using EcoDamage.Workflow.Engine.Parties;
using EcoDamage.Workflow.Server.Apis;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Builds the ledger and parties parts of a case view from the engine's derived balances.</summary>
internal static class LedgerViews
{
    /// <summary>The ledger of <paramref name="c"/>; head names from <paramref name="heads"/>.</summary>
    public static LedgerView Ledger(CaseInstance c, LedgerHeads heads)
    {
        var summary = LedgerSummary.Compute(c.Ledger, heads);
        var t = summary.Totals;
        return new LedgerView(
            c.Ledger.Select(Entry).ToArray(),
            summary.Heads.Select(h => Head(h, heads.Find(h.Head))).ToArray(),
            new LedgerTotalsView(t.Claimed, t.Assessed, t.Owed, t.Paid, t.Credited, t.InKind, t.Escrowed, t.Released, t.HeldInEscrow, summary.Heads.Sum(h => h.Outstanding)),
            summary.AwardGoverns ? "awarded" : "agreed",
            summary.Settled,
            Whereabouts(c.Ledger, t));
    }

    /// <summary>The parties of <paramref name="c"/>, obligors with their balances.</summary>
    public static IReadOnlyList<PartyView> Parties(CaseInstance c)
    {
        var balances = PartyBalances.Compute(c.Parties, c.Ledger).ToDictionary(b => b.Party.Id, StringComparer.Ordinal);
        return c.Parties.Select(p => balances.TryGetValue(p.Id, out var b)
                ? new PartyView(p.Id, PartyKinds.Name(p.Kind), p.Name, p.Share, p.Joint, p.Jurisdiction, p.Lead, b.Outcome, b.Owed, b.Discharged, b.Outstanding)
                : new PartyView(p.Id, PartyKinds.Name(p.Kind), p.Name, p.Share, p.Joint, p.Jurisdiction, p.Lead, p.Outcome, null, null, null))
            .ToArray();
    }

    private static LedgerEntryView Entry(LedgerEntry e) => new(
        e.Seq, LedgerKinds.Name(e.Kind), e.Head, e.Amount, e.Party, e.Basis, e.Document, e.Treasury, e.Project, e.Phase,
        e.Instalment, e.At.ToDateTimeOffset(), e.ActorId, e.Trigger);

    private static LedgerHeadView Head(LedgerBalance b, LedgerHead? head) => new(
        b.Head, head?.Name.Zh ?? b.Head, head?.Name.En ?? b.Head, b.Claimed, b.Assessed, b.Owed, b.Paid, b.Credited,
        b.InKind, b.Escrowed, b.Released, b.HeldInEscrow, b.Outstanding);

    private static WhereaboutsView[] Whereabouts(IReadOnlyList<LedgerEntry> ledger, LedgerBalance totals)
    {
        var places = new List<WhereaboutsView>();
        places.AddRange(ledger.Where(e => e.Kind == LedgerKind.Paid)
            .GroupBy(e => e.Treasury, StringComparer.Ordinal)
            .Select(g => new WhereaboutsView("treasury", g.Key, g.Sum(e => e.Amount))));
        if (totals.HeldInEscrow > 0)
        {
            places.Add(new WhereaboutsView("escrow", null, totals.HeldInEscrow));
        }

        places.AddRange(ledger.Where(e => e.Kind == LedgerKind.Released)
            .GroupBy(e => e.Project, StringComparer.Ordinal)
            .Select(g => new WhereaboutsView("project", g.Key, g.Sum(e => e.Amount))));
        if (totals.InKind > 0)
        {
            places.Add(new WhereaboutsView("inKind", null, totals.InKind));
        }

        if (totals.Credited > 0)
        {
            places.Add(new WhereaboutsView("credited", null, totals.Credited));
        }

        return places.ToArray();
    }
}
