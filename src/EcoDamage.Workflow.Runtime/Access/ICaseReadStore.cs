namespace EcoDamage.Workflow.Runtime.Access;

/// <summary>The read log of the cases (table <c>CaseReads</c>): appended in batches, read per case. Implemented by the store.</summary>
public interface ICaseReadStore
{
    /// <summary>The most reads <see cref="ListAsync"/> returns.</summary>
    const int MaxList = 500;

    /// <summary>Appends <paramref name="reads"/> in one transaction.</summary>
    /// <param name="reads">The reads.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when they are stored.</returns>
    Task AppendAsync(IReadOnlyList<CaseRead> reads, CancellationToken cancellationToken = default);

    /// <summary>The reads of <paramref name="caseId"/>, newest first.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="limit">The most reads to return (clamped to 1…<see cref="MaxList"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reads.</returns>
    Task<IReadOnlyList<CaseRead>> ListAsync(string caseId, int limit, CancellationToken cancellationToken = default);
}
