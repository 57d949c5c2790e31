namespace EcoDamage.Workflow.Engine.Parties;

/// <summary>An obligor or rights holder of a case.</summary>
/// <param name="Id">Party id (unique in the case; what <c>X-Party</c> names).</param>
/// <param name="Kind">Obligor or rights holder.</param>
/// <param name="Name">Name.</param>
/// <param name="Share">An obligor's share under several liability (0 &lt; share ≤ 1); null for joint liability or a rights holder.</param>
/// <param name="Joint">An obligor jointly liable for the whole debt (any joint obligor's payment discharges it).</param>
/// <param name="Jurisdiction">A rights holder's jurisdiction (R4).</param>
/// <param name="Lead">The lead rights holder of a cross-jurisdiction joint consultation (R4).</param>
/// <param name="Outcome">How the party ended (<c>performed</c>, <c>defaulted</c>, …), once recorded.</param>
public sealed record CaseParty(
    string Id,
    PartyKind Kind,
    string Name,
    decimal? Share,
    bool Joint,
    string? Jurisdiction,
    bool Lead,
    string? Outcome);
