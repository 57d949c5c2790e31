namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A case's ledger: every entry, the balances per head and in total, and where the money is (N9, N10, R27).</summary>
/// <param name="Entries">Every entry, oldest first.</param>
/// <param name="Heads">Balances per head, in the order of <c>workflows/ledger.yaml</c>.</param>
/// <param name="Totals">Sums over every head.</param>
/// <param name="Governing">Which settlement is the debt: <c>awarded</c> (a judgment) or <c>agreed</c>.</param>
/// <param name="Settled">Something is owed and no head has anything outstanding.</param>
/// <param name="Whereabouts">Where every discharged yuan is: a treasury, the notary's escrow, a repair project, performed in kind or credited.</param>
internal sealed record LedgerView(
    IReadOnlyList<LedgerEntryView> Entries,
    IReadOnlyList<LedgerHeadView> Heads,
    LedgerTotalsView Totals,
    string Governing,
    bool Settled,
    IReadOnlyList<WhereaboutsView> Whereabouts);

/// <summary>One ledger entry.</summary>
internal sealed record LedgerEntryView(
    int Seq, string Kind, string Head, decimal Amount, string? Party, string? Basis, string? Document, string? Treasury,
    string? Project, string? Phase, int? Instalment, DateTimeOffset At, string ActorId, string Trigger);

/// <summary>The balances of one head, with its names.</summary>
internal sealed record LedgerHeadView(
    string Head, string Zh, string En, decimal Claimed, decimal Assessed, decimal Owed, decimal Paid, decimal Credited,
    decimal InKind, decimal Escrowed, decimal Released, decimal HeldInEscrow, decimal Outstanding);

/// <summary>The balances over every head.</summary>
internal sealed record LedgerTotalsView(
    decimal Claimed, decimal Assessed, decimal Owed, decimal Paid, decimal Credited, decimal InKind, decimal Escrowed,
    decimal Released, decimal HeldInEscrow, decimal Outstanding);

/// <summary>Where an amount is: <c>treasury</c> (Place: its id), <c>escrow</c> (held by the notary), <c>project</c> (Place: the project), <c>inKind</c>, <c>credited</c>.</summary>
internal sealed record WhereaboutsView(string Kind, string? Place, decimal Amount);

/// <summary>An obligor or rights holder of the case, with an obligor's balance.</summary>
internal sealed record PartyView(
    string Id, string Kind, string Name, decimal? Share, bool Joint, string? Jurisdiction, bool Lead, string? Outcome,
    decimal? Owed, decimal? Discharged, decimal? Outstanding);
