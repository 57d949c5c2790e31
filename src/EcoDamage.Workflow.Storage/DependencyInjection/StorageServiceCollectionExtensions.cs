using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.Storage.Audit;
using EcoDamage.Workflow.Storage.Stores;
using EcoDamage.Workflow.Storage.Stores.Sqlite;
using Microsoft.EntityFrameworkCore;

// Extension methods on IServiceCollection live in its namespace, so Program.cs needs no extra using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the EF Core store and the runtime's ports on it.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the store for the configured provider: the provider's <see cref="WorkflowDbContext"/> (scoped),
    /// <see cref="ICaseStore"/>, <see cref="IIdempotencyStore"/>, <see cref="IAuditTrail"/>,
    /// <see cref="IUnitOfWork"/>, <see cref="IDeadlineQueue"/>, <see cref="WorkflowStorageMigrator"/> and <see cref="AuditChainScanner"/>. Call
    /// <see cref="WorkflowStorageMigrator.MigrateAsync"/> once at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the provider and connection string.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, Action<WorkflowStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WorkflowStorageOptions();
        configure(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("invalid workflow storage options: " + string.Join("; ", problems), nameof(configure));
        }

        services.AddSingleton(options);

        // Pooled contexts: a command resolves a context per scope, and creating one (options, service
        // lookups) was a measurable share of a command (docs/benchmarks.md). A pooled context is reset
        // before reuse, so nothing leaks between scopes.
        if (options.Provider == StorageProvider.PostgreSql)
        {
            services.AddDbContextPool<PostgreSqlWorkflowDbContext>(o => o.UseNpgsql(options.ConnectionString));
            services.AddScoped<WorkflowDbContext>(sp => sp.GetRequiredService<PostgreSqlWorkflowDbContext>());
        }
        else
        {
            services.AddDbContextPool<SqliteWorkflowDbContext>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(new EcoDamage.Workflow.Storage.Stores.SqliteBusyTimeout()));
            services.AddScoped<WorkflowDbContext>(sp => sp.GetRequiredService<SqliteWorkflowDbContext>());
        }

        // Per service provider, not static: two hosts on two databases in one process must not share it.
        services.AddSingleton<CaseCache>();
        services.AddScoped<EfCaseStore>();
        services.AddScoped<ICaseStore>(sp => sp.GetRequiredService<EfCaseStore>());
        services.AddScoped<IIdempotencyStore>(sp => sp.GetRequiredService<EfCaseStore>());
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<EfCaseStore>());
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<IDeadlineQueue, EfDeadlineQueue>();
        services.AddScoped<EcoDamage.Workflow.Storage.Queries.DeadlineDirectory>();

        if (options.Provider == StorageProvider.Sqlite)
        {
            // The command path on SQLite skips EF Core: one connection with prepared statements (docs/benchmarks.md).
            services.AddSingleton<SqliteWriter>();
            services.AddSingleton<SqliteReaders>();
            services.AddSingleton<SqliteCaseStore>();
            services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
            services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
            services.AddSingleton<IUnitOfWork, SqliteUnitOfWork>();
        }

        services.AddScoped<WorkflowStorageMigrator>();
        services.AddScoped<AuditChainScanner>();
        services.AddScoped<EcoDamage.Workflow.Runtime.Queries.ICaseQueries, EcoDamage.Workflow.Storage.Queries.CaseQueries>();
        return services;
    }
}
