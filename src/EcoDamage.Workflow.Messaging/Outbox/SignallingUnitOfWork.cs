using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Messaging.Outbox;

/// <summary>The store's unit of work, plus a wake-up for the relay after every commit that wrote outbox rows.</summary>
internal sealed class SignallingUnitOfWork(IUnitOfWork inner, OutboxSignal signal) : IUnitOfWork
{
    public async Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var result = await inner.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        if (result.Status == CommitStatus.Committed && changes.Outbox.Count > 0)
        {
            signal.Set();
        }

        return result;
    }

    public async Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<CaseChangeSet> batch, CancellationToken cancellationToken = default)
    {
        var results = await inner.CommitBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        if (results.Any(r => r.Status == CommitStatus.Committed))
        {
            signal.Set();
        }

        return results;
    }
}
