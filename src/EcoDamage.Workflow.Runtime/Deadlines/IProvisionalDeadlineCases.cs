namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>Finds the cases with open provisional deadlines (computed through a year the holiday calendar did not know).</summary>
public interface IProvisionalDeadlineCases
{
    /// <summary>
    /// The next page of case ids having at least one open deadline row marked provisional, in the store's order of
    /// case ids, after <paramref name="after"/> (keyset paging: a run that stops and starts again from the first page
    /// finds only what is still provisional).
    /// </summary>
    /// <param name="after">The last case id of the previous page; null for the first page.</param>
    /// <param name="max">The most ids returned.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Distinct case ids, ascending; fewer than <paramref name="max"/> on the last page.</returns>
    Task<IReadOnlyList<string>> NextPageAsync(string? after, int max, CancellationToken cancellationToken = default);
}
