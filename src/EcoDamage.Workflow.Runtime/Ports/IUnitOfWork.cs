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
}
