namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Reads idempotency records (they are written by <see cref="IUnitOfWork"/> with the change).</summary>
public interface IIdempotencyStore
{
    /// <summary>Finds the record of a key.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null when the key is unused.</returns>
    Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken = default);
}
