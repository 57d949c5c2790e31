using EcoDamage.Workflow.Server.Migrations;

// Extension methods on IServiceCollection live in its namespace, so Program.cs needs no extra using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the execution of case migrations.</summary>
internal static class MigrationsServiceCollectionExtensions
{
    /// <summary>Adds the <see cref="MigrationWorker"/> (the runtime's migration services come with <c>AddWorkflowRuntime</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddCaseMigrations(this IServiceCollection services)
    {
        services.AddHostedService<MigrationWorker>();
        return services;
    }
}
