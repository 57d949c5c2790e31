namespace EcoDamage.Workflow.Runtime.Queries;

/// <summary>Reads cases beside the command path: listings over the indexed filter columns, the deadline rows and the search index.</summary>
public interface ICaseQueries
{
    /// <summary>Lists cases matching <paramref name="filter"/>, most recently updated first.</summary>
    /// <param name="filter">The criteria; the page size is clamped to 1…<see cref="CaseFilter.MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page and the total count.</returns>
    Task<CasePage> ListAsync(CaseFilter filter, CancellationToken cancellationToken = default);
}
