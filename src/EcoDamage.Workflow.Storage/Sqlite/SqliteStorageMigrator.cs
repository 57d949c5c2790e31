using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>Brings a SQLite file to the latest SQLite migration: creates the file's folder first and switches the file to WAL mode after.</summary>
internal sealed class SqliteStorageMigrator(SqliteWorkflowDbContext db, WorkflowStorageOptions options) : IStorageMigrator
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        // WAL is a property of the file: readers no longer block the single writer.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
    }
}
