using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>The SQLite set of the store's provider-specific services.</summary>
internal static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// The command path without EF Core (one write connection with prepared statements, read connections beside it:
    /// docs/benchmarks.md), the deadline queue on the read connections, the migrator, and the pooled EF Core context
    /// the provider-neutral queries read through.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string connectionString)
    {
        // Pooled contexts: creating one (options, service lookups) was a measurable share of a request; a pooled
        // context is reset before reuse, so nothing leaks between scopes.
        services.AddDbContextPool<SqliteWorkflowDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeout()));
        services.AddScoped<WorkflowDbContext>(sp => sp.GetRequiredService<SqliteWorkflowDbContext>());
        services.AddSingleton<SqliteWriter>();
        services.AddSingleton<SqliteReaders>();
        services.AddSingleton<SqliteCaseStore>();
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<SqliteUnitOfWork>();
        services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<SqliteUnitOfWork>());
        services.AddSingleton<Runtime.Links.ICaseGroupCommit>(sp => sp.GetRequiredService<SqliteUnitOfWork>());
        services.AddSingleton<IDeadlineQueue, SqliteDeadlineQueue>();
        services.AddScoped<IStorageMigrator, SqliteStorageMigrator>();
        return services;
    }
}
