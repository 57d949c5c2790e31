namespace EcoDamage.Workflow.Server.Access;

/// <summary>The case access checks (issue 13): the per-case gate, the read log and its flusher.</summary>
internal static class CaseAccessServiceCollectionExtensions
{
    /// <summary>Adds <see cref="CaseGate"/>, <see cref="CaseReadLog"/> and <see cref="CaseReadFlusher"/>.</summary>
    public static IServiceCollection AddCaseAccess(this IServiceCollection services)
    {
        services.AddSingleton<CaseReadLog>();
        services.AddHostedService<CaseReadFlusher>();
        services.AddScoped<CaseGate>();
        return services;
    }
}
