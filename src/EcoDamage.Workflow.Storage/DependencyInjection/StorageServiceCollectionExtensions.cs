using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Queries;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.Storage.Audit;
using EcoDamage.Workflow.Storage.Cases;
using EcoDamage.Workflow.Storage.Health;
using EcoDamage.Workflow.Storage.Messaging;
using EcoDamage.Workflow.Storage.PostgreSql;
using EcoDamage.Workflow.Storage.Queries;
using EcoDamage.Workflow.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

// Extension methods on IServiceCollection live in its namespace, so Program.cs needs no extra using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the store of one provider and the runtime's ports on it.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the store for the provider of the <c>Storage</c> section (<see cref="WorkflowStorageOptions"/>), chosen once:
    /// on SQLite the hand-written command path (one writer connection, read connections beside it), on PostgreSQL the
    /// EF Core based stores. Either way one complete set of ports is registered: <see cref="ICaseStore"/>,
    /// <see cref="IIdempotencyStore"/>, <see cref="IAuditTrail"/>, <see cref="IUnitOfWork"/>, <see cref="IDeadlineQueue"/>,
    /// <see cref="IDeadlineDirectory"/>, the links' <c>ICaseLinks</c> and <c>ICaseGroupCommit</c>, <see cref="IAuditChainScanner"/>, <see cref="IStorageMigrator"/> and
    /// <see cref="IStorageHealth"/>, plus the provider's <see cref="WorkflowDbContext"/> (scoped, pooled). Call
    /// <see cref="IStorageMigrator.MigrateAsync"/> once at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding the <c>Storage</c> section (<c>Provider</c>, <c>ConnectionString</c>); missing keys keep their defaults.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentException">The section is invalid (every problem is listed): the provider cannot be chosen.</exception>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Read once, now: the provider decides which services exist. The same values back IOptions, validated at start too.
        var options = WorkflowStorageOptions.Read(configuration, out var problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid workflow storage options: " + string.Join("; ", problems), nameof(configuration));
        }

        services.AddSingleton<IValidateOptions<WorkflowStorageOptions>, WorkflowStorageOptionsValidator>();
        services.AddOptions<WorkflowStorageOptions>()
            .Configure(o =>
            {
                o.Provider = options.Provider;
                o.ConnectionString = options.ConnectionString;
            })
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WorkflowStorageOptions>>().Value);

        // Per service provider, not static: two hosts on two databases in one process must not share it.
        services.AddSingleton<CaseCache>();
        if (options.Provider == StorageProvider.PostgreSql)
        {
            services.AddPostgreSqlStorage(options.ConnectionString);
        }
        else
        {
            services.AddSqliteStorage(options.ConnectionString);
        }

        // EF Core queries that read the same on both providers.
        services.AddScoped<IAuditTrail, EfAuditTrail>();
        services.AddScoped<IDeadlineDirectory, DeadlineDirectory>();
        services.AddScoped<IProvisionalDeadlineCases, ProvisionalDeadlineCases>();
        services.AddScoped<IAuditChainScanner, AuditChainScanner>();
        services.AddScoped<IStorageHealth, EfStorageHealth>();
        services.AddScoped<ICaseQueries, CaseQueries>();
        services.AddScoped<EcoDamage.Workflow.Runtime.Access.ICaseReadStore, EcoDamage.Workflow.Storage.Access.CaseReadStore>();
        services.AddScoped<EcoDamage.Workflow.Runtime.Links.ICaseLinks, EcoDamage.Workflow.Storage.Links.CaseLinkDirectory>();

        // Messaging's ports: the outbox claim with its webhook deliveries, the delivery queue, the subscriptions.
        services.AddScoped<IOutboxDispatcher, OutboxDispatcher>();
        services.AddScoped<IWebhookDeliveryStore, WebhookDeliveryStore>();
        services.AddScoped<IWebhookSubscriptionStore, WebhookSubscriptionStore>();

        // Identity's ports (issue 13): people's accounts, the security event log, the host's generated keys.
        services.AddScoped<EcoDamage.Workflow.Runtime.Accounts.IAccountStore, EcoDamage.Workflow.Storage.Accounts.EfAccountStore>();
        services.AddScoped<EcoDamage.Workflow.Runtime.Accounts.ISecurityEventLog, EcoDamage.Workflow.Storage.Accounts.EfSecurityEventLog>();
        services.AddScoped<EcoDamage.Workflow.Runtime.Accounts.IHostKeyStore, EcoDamage.Workflow.Storage.Accounts.EfHostKeyStore>();
        // Managed credentials (issue 13): API keys and their change log, inbound hook secrets, the inbound replay log.
        services.AddScoped<EcoDamage.Workflow.Runtime.Catalog.ICatalogStore, EcoDamage.Workflow.Storage.Catalog.EfCatalogStore>();
        services.AddScoped<EcoDamage.Workflow.Runtime.Catalog.IDraftStore, EcoDamage.Workflow.Storage.Catalog.EfDraftStore>();
        services.AddScoped<EcoDamage.Workflow.Runtime.Catalog.IAdministrationTrail, EcoDamage.Workflow.Storage.Catalog.EfAdministrationTrail>();
        services.AddScoped<EcoDamage.Workflow.Runtime.ApiKeys.IApiKeyStore, EcoDamage.Workflow.Storage.ApiKeys.ApiKeyStore>();
        services.AddScoped<EcoDamage.Workflow.Runtime.HookSecrets.IHookSecretStore, EcoDamage.Workflow.Storage.HookSecrets.HookSecretStore>();
        services.AddScoped<EcoDamage.Workflow.Runtime.HookSecrets.IInboundReplayGuard, EcoDamage.Workflow.Storage.HookSecrets.InboundReplayGuard>();
        // Migrations of running cases (issue 14).
        services.AddScoped<EcoDamage.Workflow.Runtime.Migrations.IMigrationStore, EcoDamage.Workflow.Storage.CaseMigrations.CaseMigrationStore>();
        return services;
    }
}
