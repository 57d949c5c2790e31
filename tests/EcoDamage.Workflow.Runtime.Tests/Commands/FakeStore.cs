using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Runtime.Tests.Commands;

/// <summary>The runtime's ports over dictionaries, recording every commit (for the handler's decisions, not for storage).</summary>
internal sealed class FakeStore : ICaseStore, IIdempotencyStore, IAuditTrail, IUnitOfWork
{
    private readonly Dictionary<string, StoredCase> _cases = [];
    private readonly Dictionary<string, IdempotencyRecord> _keys = [];
    private readonly List<AuditEvent> _audit = [];

    public List<CaseChangeSet> Commits { get; } = [];

    /// <summary>When set, the next commit answers this instead of writing (a race lost to another node).</summary>
    public CommitResult? NextCommit { get; set; }

    public Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_cases.GetValueOrDefault(caseId));

    public Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_keys.GetValueOrDefault(key));

    public Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredAuditEvent>>(_audit.Where(a => a.CaseId == caseId).Select(a => new StoredAuditEvent(a, AuditHasher.Canonical(a))).ToArray());

    public void Remember(IdempotencyRecord record) => _keys[record.Key] = record;

    public Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default)
    {
        if (NextCommit is { } forced)
        {
            NextCommit = null;
            return Task.FromResult(forced);
        }

        // As the stores' unique key: a change set whose idempotency key is recorded writes nothing.
        if (changes.Idempotency is { } taken && _keys.ContainsKey(taken.Key))
        {
            return Task.FromResult(new CommitResult(CommitStatus.IdempotencyKeyTaken));
        }

        var current = _cases.GetValueOrDefault(changes.Case.Id)?.Case.Version ?? 0;
        if (current != changes.ExpectedVersion)
        {
            return Task.FromResult(new CommitResult(CommitStatus.VersionConflict, current));
        }

        var head = changes.AuditEvents[^1];
        _cases[changes.Case.Id] = new StoredCase(changes.Case, head.Sequence, head.Hash);
        _audit.AddRange(changes.AuditEvents);
        if (changes.Idempotency is { } record)
        {
            _keys[record.Key] = record;
        }

        Commits.Add(changes);
        return Task.FromResult(CommitResult.Committed);
    }
}
