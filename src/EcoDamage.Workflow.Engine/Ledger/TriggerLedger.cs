using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>
/// What a trigger may record about the money and the parties of a case: its <c>ledger:</c> kinds, its
/// <c>parties:</c> kinds, whether its actor must act as a party of the case (<c>asParty:</c>) and the field
/// naming the department that must record it (<c>collectedBy:</c>, R27).
/// </summary>
/// <param name="Kinds">Ledger kinds the trigger's <c>ledger</c> record list may carry (empty: none).</param>
/// <param name="PartyKinds">Party kinds (<c>obligor</c>, <c>rightsHolder</c>) its <c>parties</c> record list may add.</param>
/// <param name="AsParty">An actor in a party role (<c>obligor</c>, <c>rightsHolder</c>) must name a party of the case of that kind; its entries must be that party's.</param>
/// <param name="CollectedBy">A data field holding the department that alone may fire it (the actor's department must equal it).</param>
public sealed record TriggerLedger(
    IReadOnlyList<Token> Kinds,
    IReadOnlyList<Token> PartyKinds,
    bool AsParty,
    Token? CollectedBy)
{
    /// <summary>The data key of the ledger record list.</summary>
    public const string LedgerKey = "ledger";

    /// <summary>The data key of the parties record list.</summary>
    public const string PartiesKey = "parties";

    /// <summary>The trigger must carry at least one ledger item (<c>ledgerRequired: true</c>): e.g. an agreement is itemised by N9 head.</summary>
    public bool Required { get; init; }

    /// <summary>A money field the trigger's settlement items (claimed, assessed, agreed, awarded) must sum to (<c>ledgerTotal:</c>), or null.</summary>
    public Token? Total { get; init; }

    /// <summary>The record keys the declaration uses (<c>ledger</c>, <c>parties</c>), each where its kinds are written.</summary>
    public IEnumerable<Token> RecordKeys()
    {
        if (Kinds.Count > 0)
        {
            yield return new Token(LedgerKey, Kinds[0].Position);
        }

        if (PartyKinds.Count > 0)
        {
            yield return new Token(PartiesKey, PartyKinds[0].Position);
        }
    }

    /// <summary>True when <paramref name="kind"/> is declared.</summary>
    public bool Records(LedgerKind kind) => Kinds.Any(k => LedgerKinds.TryParse(k.Text, out var d) && d == kind);
}
