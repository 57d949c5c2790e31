namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>Registers the host's clock mode (<c>Clock:Mode</c>): the system clock, or the sandbox's virtual clock.</summary>
internal static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="ClockSettings"/> and, in <see cref="ClockMode.Virtual"/>, one shared
    /// <see cref="VirtualClock"/> as the host's <see cref="TimeProvider"/> (before <c>AddClock</c>, which then keeps it):
    /// the engine, the runtime, the deadline sweep, Quartz's triggers, webhooks and sign-in lifetimes all read it. Also
    /// logs a warning at start that the clock is virtual.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>Clock</c> section (checked before by <see cref="ClockSettings.Check"/>).</param>
    /// <param name="environment">The host's environment.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddSandboxClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = ClockSettings.Read(configuration, environment, out _);
        services.AddSingleton(settings);
        if (settings.Mode != ClockMode.Virtual)
        {
            return services;
        }

        var real = TimeProvider.System;
        services.AddSingleton(new VirtualClock(real, settings.Start ?? real.GetUtcNow()));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<VirtualClock>());
        services.AddHostedService<SandboxAnnouncement>();
        return services;
    }
}
