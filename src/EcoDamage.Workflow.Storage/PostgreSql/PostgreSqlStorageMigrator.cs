using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.PostgreSql;

/// <summary>Brings a PostgreSQL database to the latest PostgreSQL migration.</summary>
internal sealed class PostgreSqlStorageMigrator(PostgreSqlWorkflowDbContext db) : IStorageMigrator
{
    public Task MigrateAsync(CancellationToken cancellationToken = default) => db.Database.MigrateAsync(cancellationToken);
}
