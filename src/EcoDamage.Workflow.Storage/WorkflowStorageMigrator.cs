using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage;

/// <summary>
/// Brings the database to the latest migration of its provider. The host calls it once at start-up
/// (and the CLI's <c>migrate</c> command); schemas are never changed by hand.
/// </summary>
/// <param name="db">The provider's context.</param>
/// <param name="options">The storage options.</param>
public sealed class WorkflowStorageMigrator(WorkflowDbContext db, WorkflowStorageOptions options)
{
    /// <summary>Applies pending migrations; on SQLite, creates the file's folder and switches the file to WAL mode.</summary>
    /// <param name="cancellationToken">Cancels the migration (a migration already begun is rolled back by the database).</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (options.Provider == StorageProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (options.Provider == StorageProvider.Sqlite)
        {
            // WAL is a property of the file: readers no longer block the single writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
