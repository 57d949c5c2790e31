using System.Reflection;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Runs the host and reports a start that failed on configuration as one line on standard error.</summary>
internal static class StartupFailureExtensions
{
    /// <summary>The process exit code of a start that failed on configuration.</summary>
    public const int ConfigurationFailureExitCode = 2;

    /// <summary>
    /// Whether the host is the process's own program; started by other code (<c>WebApplicationFactory</c> in tests),
    /// failures are left to that code as exceptions.
    /// </summary>
    private static bool OwnsProcess => Assembly.GetEntryAssembly() == typeof(StartupFailureExtensions).Assembly;

    /// <summary>
    /// Runs the host until it stops; when its start fails on configuration (see <see cref="StartupFailure.Describe"/>)
    /// writes one line naming the setting and returns <see cref="ConfigurationFailureExitCode"/>.
    /// </summary>
    /// <returns>0 after a normal shutdown.</returns>
    public static async Task<int> RunReportingStartupFailuresAsync(this WebApplication app)
    {
        if (!OwnsProcess)
        {
            // WebApplicationFactory owns the host: it reads a failed start from this method's exception and disposes the
            // host itself. Disposing it here (as RunAsync does) would race the factory still reading its services.
            await app.StartAsync().ConfigureAwait(false);
            await app.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }

        var configuration = app.Configuration;
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception error) when (StartupFailure.Describe(error, configuration) is { } line)
        {
            return ReportStartupFailure(line);
        }
    }

    /// <summary>Writes <paramref name="line"/> to standard error.</summary>
    /// <returns><see cref="ConfigurationFailureExitCode"/>.</returns>
    /// <exception cref="InvalidOperationException">The host is not the process's own program (a test factory started it).</exception>
    public static int ReportStartupFailure(string line)
    {
        if (!OwnsProcess)
        {
            throw new InvalidOperationException(line);
        }

        Console.Error.WriteLine($"Start-up failed: {line}");
        return ConfigurationFailureExitCode;
    }
}
