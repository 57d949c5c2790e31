namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Commits one command's changes in a single transaction.</summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Writes the case snapshot (only if the stored version is <see cref="CaseChangeSet.ExpectedVersion"/>),
    /// the audit events, the deadline rows, the outbox rows, the document and the idempotency record, in
    /// one transaction.
    /// </summary>
    /// <param name="changes">The change set.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>Committed, or a version conflict or idempotency race with nothing written.</returns>
    Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits several change sets (of different cases) together. Each one succeeds or fails on its own
    /// exactly as <see cref="CommitAsync(CaseChangeSet, CancellationToken)"/> would; a store may write the
    /// successful ones in one transaction (group commit) to share its durability cost.
    /// </summary>
    /// <param name="batch">The change sets, at most one per case.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>One result per change set, in order.</returns>
    async Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<CaseChangeSet> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new CommitResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = await CommitAsync(batch[i], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }
}
