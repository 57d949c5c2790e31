using EcoDamage.Workflow.Engine.Ledger;

namespace EcoDamage.Workflow.Engine.Parties;

/// <summary>Per-obligor balances: owed × share under several liability, the whole under joint liability (any joint obligor's payment discharges the joint debt).</summary>
public static class PartyBalances
{
    /// <summary>The outcome derived for an obligor whose share is discharged.</summary>
    public const string Performed = "performed";

    /// <summary>The balances of every obligor of <paramref name="parties"/>, in order.</summary>
    public static IReadOnlyList<PartyBalance> Compute(IReadOnlyList<CaseParty> parties, IReadOnlyList<LedgerEntry> ledger)
    {
        var owed = LedgerSummary.Compute(ledger).Totals.Owed;
        var jointIds = parties.Where(p => p.Kind == PartyKind.Obligor && p.Joint).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<PartyBalance>();
        foreach (var party in parties.Where(p => p.Kind == PartyKind.Obligor))
        {
            var share = party.Joint || party.Share is null ? 1m : party.Share.Value;
            var discharged = ledger
                .Where(e => LedgerKinds.Discharges(e.Kind))
                .Where(e => e.Party == party.Id || (party.Joint && (e.Party is null || jointIds.Contains(e.Party))))
                .Sum(e => e.Amount);
            var partyOwed = decimal.Round(owed * share, 2);
            var outcome = party.Outcome ?? (partyOwed > 0 && discharged >= partyOwed ? Performed : null);
            result.Add(new PartyBalance(party, partyOwed, discharged, outcome));
        }

        return result;
    }
}
