namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>Stores migrations and pages the cases they affect.</summary>
public interface IMigrationStore
{
    /// <summary>Adds a new migration.</summary>
    /// <param name="migration">The migration.</param>
    /// <param name="entry">Its administration-trail event (committed with it).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task AddAsync(MigrationRecord migration, Catalog.AdministrationEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads one migration.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The migration, or null.</returns>
    Task<MigrationRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every migration, newest first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The migrations.</returns>
    Task<IReadOnlyList<MigrationRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a migration's status, cursor and counters.</summary>
    /// <param name="migration">The migration as it is now.</param>
    /// <param name="entry">An administration-trail event to commit with the change (a start, a completion), or null for progress.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task UpdateAsync(MigrationRecord migration, Catalog.AdministrationEntry? entry = null, CancellationToken cancellationToken = default);

    /// <summary>Ids of the cases whose root definition is <paramref name="definitionId"/> at <paramref name="version"/>, in ordinal id order.</summary>
    /// <param name="definitionId">Root definition id.</param>
    /// <param name="version">Root definition version (<c>2.0.0</c>).</param>
    /// <param name="after">Only ids after this one (exclusive), or null from the first.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ids.</returns>
    Task<IReadOnlyList<string>> CaseIdsAsync(string definitionId, string version, string? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many cases run <paramref name="definitionId"/> at <paramref name="version"/>.</summary>
    /// <param name="definitionId">Root definition id.</param>
    /// <param name="version">Root definition version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count.</returns>
    Task<long> CountCasesAsync(string definitionId, string version, CancellationToken cancellationToken = default);
}
