using NodaTime;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Finds the cases whose deadline rows are due, for the deadline sweeper.</summary>
public interface IDeadlineQueue
{
    /// <summary>
    /// Claims up to <paramref name="max"/> due deadline rows (<c>NextEventAt &lt;= now</c>), oldest first, and
    /// returns their cases. A store shared by several nodes leases the rows until <paramref name="now"/> +
    /// <paramref name="lease"/> so that the nodes share the work (rows leased by another node are skipped);
    /// committing the case releases them. Claiming is an optimisation: exactly-once comes from the case's
    /// version check, so a case claimed twice is still written once.
    /// </summary>
    /// <param name="now">The sweeper's clock.</param>
    /// <param name="max">The most rows to claim.</param>
    /// <param name="lease">How long a claim keeps other nodes away.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>Distinct case ids, most overdue first.</returns>
    Task<IReadOnlyList<string>> ClaimDueAsync(Instant now, int max, Duration lease, CancellationToken cancellationToken = default);
}
