using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Storage.PostgreSql;

/// <summary>The PostgreSQL set of the store's provider-specific services.</summary>
internal static class PostgreSqlStorageServiceCollectionExtensions
{
    /// <summary>The pooled EF Core context and the stores on it: case loads, commits, deadline claims, the migrator.</summary>
    public static IServiceCollection AddPostgreSqlStorage(this IServiceCollection services, string connectionString)
    {
        // Pooled contexts: a command resolves a context per scope, and creating one (options, service lookups) was a
        // measurable share of a command (docs/benchmarks.md). A pooled context is reset before reuse.
        services.AddDbContextPool<PostgreSqlWorkflowDbContext>(o => o.UseNpgsql(connectionString));
        services.AddScoped<WorkflowDbContext>(sp => sp.GetRequiredService<PostgreSqlWorkflowDbContext>());
        services.AddScoped<PostgreSqlCaseStore>();
        services.AddScoped<ICaseStore>(sp => sp.GetRequiredService<PostgreSqlCaseStore>());
        services.AddScoped<IIdempotencyStore>(sp => sp.GetRequiredService<PostgreSqlCaseStore>());
        services.AddScoped<PostgreSqlUnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<PostgreSqlUnitOfWork>());
        services.AddScoped<Runtime.Links.ICaseGroupCommit>(sp => sp.GetRequiredService<PostgreSqlUnitOfWork>());
        services.AddScoped<IDeadlineQueue, PostgreSqlDeadlineQueue>();
        services.AddScoped<IStorageMigrator, PostgreSqlStorageMigrator>();
        return services;
    }
}
