namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>The heads a ledger entry may name (N9: "keep the item list as data"), in file order.</summary>
public sealed class LedgerHeads
{
    private readonly Dictionary<string, LedgerHead> _byId;

    /// <summary>Creates the catalog of heads.</summary>
    /// <param name="heads">Heads in file order; ids must be distinct.</param>
    public LedgerHeads(IEnumerable<LedgerHead> heads)
    {
        All = heads.ToArray();
        _byId = All.ToDictionary(h => h.Id, StringComparer.Ordinal);
    }

    /// <summary>No heads (a catalog without <c>ledger.yaml</c>).</summary>
    public static LedgerHeads Empty { get; } = new([]);

    /// <summary>Every head, in file order.</summary>
    public IReadOnlyList<LedgerHead> All { get; }

    /// <summary>The head with that id, or null.</summary>
    public LedgerHead? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>True when <paramref name="id"/> is a head.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);
}
