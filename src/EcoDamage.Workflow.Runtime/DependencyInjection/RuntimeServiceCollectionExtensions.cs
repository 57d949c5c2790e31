using EcoDamage.Workflow.Runtime.Commands;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Extension methods on IServiceCollection live in its namespace, so Program.cs needs no extra using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the case runtime's command path.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CaseCommandHandler"/>, <see cref="EcoDamage.Workflow.Runtime.Links.CaseLinkHandler"/> (its storage adapter registers the links' ports) and <see cref="EcoDamage.Workflow.Runtime.Deadlines.DeadlineTicker"/> (scoped), <see cref="EcoDamage.Workflow.Runtime.Deadlines.ProvisionalDeadlineRecomputer"/> (singleton) and <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is already registered, and a no-op <see cref="EcoDamage.Workflow.Runtime.Messaging.IOutboxSignal"/> unless a
    /// messaging adapter registers its own (in either order). The caller registers the
    /// <see cref="EcoDamage.Workflow.Engine.Execution.WorkflowEngine"/> and a storage adapter (e.g. <c>AddWorkflowStorage</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EcoDamage.Workflow.Runtime.Messaging.IOutboxSignal, EcoDamage.Workflow.Runtime.Messaging.NoOutboxSignal>();
        services.TryAddScoped<CaseCommandHandler>();
        services.TryAddScoped<EcoDamage.Workflow.Runtime.Links.CaseLinkHandler>();
        services.TryAddScoped<EcoDamage.Workflow.Runtime.Deadlines.DeadlineTicker>();
        services.TryAddScoped<EcoDamage.Workflow.Runtime.Catalog.CatalogAdministration>();
        services.TryAddSingleton<EcoDamage.Workflow.Runtime.Deadlines.ProvisionalDeadlineRecomputer>();
        // Migrations of running cases (issue 14): the service the API calls, the batch runner its worker calls, the worker's queue.
        services.TryAddSingleton<EcoDamage.Workflow.Runtime.Migrations.MigrationQueue>();
        services.TryAddScoped<EcoDamage.Workflow.Runtime.Migrations.MigrationService>();
        services.TryAddScoped<EcoDamage.Workflow.Runtime.Migrations.MigrationRunner>();
        return services;
    }
}
