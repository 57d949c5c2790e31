using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Registers the one clock every component reads.</summary>
internal static class ClockServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TimeProvider.System"/> unless a provider is already registered; tests replace it
    /// with a fake through <c>ConfigureTestServices</c>.
    /// </summary>
    public static IServiceCollection AddClock(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
