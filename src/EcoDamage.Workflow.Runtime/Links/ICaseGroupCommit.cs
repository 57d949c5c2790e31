using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>Commits the change sets of several cases as one: all of them or none (a split writes every new case and link together).</summary>
public interface ICaseGroupCommit
{
    /// <summary>
    /// Writes every change set (case rows, audit events, deadlines, outbox rows, links, idempotency record) in one
    /// transaction, in order; the first that fails (a stale version, a taken case id or idempotency key) rolls back
    /// the whole group.
    /// </summary>
    /// <param name="group">The change sets, at most one per case.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns><see cref="CommitResult.Committed"/>, or the first failure's result with nothing written.</returns>
    Task<CommitResult> CommitAllAsync(IReadOnlyList<CaseChangeSet> group, CancellationToken cancellationToken = default);
}
