using Microsoft.Extensions.Configuration.Memory;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>The host's defaults, placed where every setting the user gives wins over them.</summary>
internal static class HostDefaultsExtensions
{
    /// <summary>The address the host listens on unless <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>URLS</c> or <c>Urls</c> in a settings file say otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>
    /// Adds the default address as the lowest-priority configuration source (below <c>ASPNETCORE_</c> variables, the
    /// settings files, environment variables and the command line), the start-up summary, and leaves the reporting of
    /// a failed start to <see cref="StartupFailureExtensions.RunReportingStartupFailuresAsync"/>.
    /// </summary>
    /// <remarks>
    /// The generic host logs a failed start as an error with the whole stack trace before rethrowing; the host reports
    /// it as one line instead, so the <c>Microsoft.Extensions.Hosting.Internal.Host</c> category is kept to critical
    /// messages (a faulted background service still stops the host with a critical message carrying its exception).
    /// </remarks>
    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new(WebHostDefaults.ServerUrlsKey, DefaultUrls)],
        });
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // The key ring lives in the store (docs/security.md says how to encrypt it with a certificate); the warning that
        // a new key is written unencrypted would otherwise be the one warning of every clean start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Services.AddHostedService<StartupSummary>();
        return builder;
    }
}
