namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>
/// Brings the case database to the latest schema of its provider. The host calls it once at start-up and the CLI's
/// <c>migrate</c> command on demand; schemas are never changed by hand. Implemented by the store.
/// </summary>
public interface IStorageMigrator
{
    /// <summary>Applies pending migrations (and whatever the provider needs first, such as a SQLite file's folder).</summary>
    /// <param name="cancellationToken">Cancels the migration (a migration already begun is rolled back by the database).</param>
    /// <returns>A task that completes when the schema is current.</returns>
    Task MigrateAsync(CancellationToken cancellationToken = default);
}
