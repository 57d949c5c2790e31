using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Liveness (the process answers) and readiness (every dependency loaded).</summary>
internal static class HealthExtensions
{
    /// <summary>The tag of checks that must pass before the host takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the health-check service; adapters add their checks tagged <see cref="ReadyTag"/>.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    /// <summary>Maps <c>GET /health/live</c> (no checks) and <c>GET /health/ready</c> (checks tagged <see cref="ReadyTag"/>).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Sandbox.ClockHealthWriter.For(app.ServiceProvider) })
            .WithName("HealthLive").WithSummary("The process is running.").WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = Sandbox.ClockHealthWriter.For(app.ServiceProvider) })
            .WithName("HealthReady").WithSummary("Every dependency (the workflow catalog) is loaded.").WithTags("Health");
        return app;
    }
}
