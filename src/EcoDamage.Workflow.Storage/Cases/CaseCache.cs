using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;

namespace EcoDamage.Workflow.Storage.Cases;

/// <summary>
/// The last loaded or committed case per case id, so that a command on a case this process just wrote
/// skips reading and deserializing its snapshot. An entry is used only when the row's version, audit
/// sequence and audit head still equal the entry's (the row is read first), so another node's commit
/// or a restart never serves a stale case. Bounded: the least recently used entry is evicted, so memory
/// stays flat however many cases the store holds. One per service provider (one database).
/// </summary>
internal sealed class CaseCache
{
    /// <summary>The default number of cases kept.</summary>
    public const int DefaultCapacity = 1_000;

    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<StoredCase>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<StoredCase> _order = new(); // least recently used first

    public CaseCache()
        : this(DefaultCapacity)
    {
    }

    public CaseCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>The cached case if it is the one the row holds now, else null.</summary>
    public StoredCase? Find(string caseId, long version, long auditSequence, string auditHead)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(caseId, out var node))
            {
                return null;
            }

            var stored = node.Value;
            if (stored.Case.Version != version || stored.AuditSequence != auditSequence || !string.Equals(stored.AuditHead, auditHead, StringComparison.Ordinal))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddLast(node);
            return stored;
        }
    }

    /// <summary>Keeps <paramref name="stored"/> as the case's latest known state.</summary>
    public void Put(StoredCase stored)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(stored.Case.Id, out var node))
            {
                _order.Remove(node);
                node.Value = stored;
                _order.AddLast(node);
                return;
            }

            _byId.Add(stored.Case.Id, _order.AddLast(stored));
            if (_byId.Count > _capacity)
            {
                var oldest = _order.First!;
                _order.RemoveFirst();
                _byId.Remove(oldest.Value.Case.Id);
            }
        }
    }

    /// <summary>
    /// Whether a case held in memory behaves exactly as its snapshot read back: data values must already
    /// have the CLR types the snapshot reader produces (an <see cref="int"/> would come back as a <see cref="long"/>).
    /// </summary>
    public static bool SurvivesSnapshotRoundTrip(CaseInstance c) =>
        c.Data.All(v => IsStoredType(v.Value)) && c.History.All(h => h.Changes.All(v => IsStoredType(v.Value)));

    private static bool IsStoredType(object? value) => value is null or bool or long or decimal or string or LocalDate;
}
