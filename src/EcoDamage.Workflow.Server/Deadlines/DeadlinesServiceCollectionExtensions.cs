using EcoDamage.Workflow.Scheduling.Deadlines;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Storage;

namespace EcoDamage.Workflow.Server.Deadlines;

/// <summary>The deadline adapter: the Quartz-driven sweeper on the case database.</summary>
internal static class DeadlinesServiceCollectionExtensions
{
    /// <summary>
    /// Adds deadline enforcement from the <c>Deadlines</c> section (<see cref="DeadlineOptions"/>) on the store of the
    /// <c>Storage</c> section; invalid options stop the host before it serves, every problem listed.
    /// </summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new DeadlineOptions();
        configuration.GetSection(DeadlineOptions.SectionName).Bind(options);
        var storage = new WorkflowStorageOptions();
        configuration.GetSection(CaseRuntimeServiceCollectionExtensions.StorageSection).Bind(storage);
        return services.AddDeadlineScheduling(options, storage);
    }
}
