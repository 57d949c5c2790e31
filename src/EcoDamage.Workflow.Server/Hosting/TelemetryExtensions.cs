using EcoDamage.Workflow.Server.Cases;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>OpenTelemetry traces and metrics: the case commands' source and meter, and ASP.NET Core's.</summary>
internal static class TelemetryExtensions
{
    /// <summary>
    /// Collects <see cref="CaseTelemetry.Name"/> (an activity per case command; counters and durations of
    /// transitions, refusals and conflicts) and the HTTP server's own. Exported over OTLP when an endpoint
    /// is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, the standard variable); otherwise collected for
    /// in-process listeners only.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ecodamage-workflow"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(CaseTelemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CaseTelemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }
}
