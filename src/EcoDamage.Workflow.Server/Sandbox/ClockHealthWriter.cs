using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>
/// How the health endpoints answer: as ASP.NET Core's plain-text status with the system clock; in sandbox mode as JSON
/// that also says the clock is virtual and what time it shows, so that nobody mistakes a sandbox for the real host.
/// </summary>
internal static class ClockHealthWriter
{
    /// <summary>The writer for the host's clock mode.</summary>
    /// <param name="services">The host's services (holding <see cref="ClockSettings"/> and, in sandbox mode, the <see cref="VirtualClock"/>).</param>
    /// <returns>The response writer to put in <see cref="HealthCheckOptions.ResponseWriter"/>.</returns>
    public static Func<HttpContext, HealthReport, Task> For(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<ClockSettings>() is not { Mode: ClockMode.Virtual })
        {
            return new HealthCheckOptions().ResponseWriter;
        }

        var clock = services.GetRequiredService<VirtualClock>();
        return (context, report) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsJsonAsync(
                new ClockHealthView(report.Status.ToString(), new ClockView(nameof(ClockMode.Virtual), clock.GetUtcNow())),
                SandboxJson.Options,
                context.RequestAborted);
        };
    }
}
