namespace EcoDamage.Workflow.Server.Deadlines;

/// <summary>The deadline adapter: the Quartz-driven sweeper on the case database.</summary>
internal static class DeadlinesServiceCollectionExtensions
{
    /// <summary>
    /// Adds deadline enforcement from the <c>Deadlines</c> section, Quartz's job store on the database of the
    /// <c>Storage</c> section, and who approves extensions (<c>Deadlines:Extensions</c>); invalid options stop the host
    /// before it serves, every problem listed.
    /// </summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeadlineExtensionOptions>().Bind(configuration.GetSection(DeadlineExtensionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DeadlineExtensionOptions>, DeadlineExtensionOptionsValidator>();
        return services.AddDeadlineScheduling(configuration);
    }
}
