using System.Data.Common;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// Turns a start-up failure caused by configuration into one line that names the setting and what is wrong with it;
/// anything else (a bug) is left to surface with its stack trace.
/// </summary>
internal static class StartupFailure
{
    /// <summary>
    /// Checks the settings read while the services are registered (before the host is built), where a wrong value
    /// would otherwise surface as a binder exception.
    /// </summary>
    /// <returns>The line describing the first wrong setting, or <see langword="null"/> when they can be used.</returns>
    public static string? CheckSettings(IConfiguration configuration)
    {
        _ = WorkflowStorageOptions.Read(configuration, out var problems);
        return problems.Count == 0 ? null : string.Join("; ", problems) + ".";
    }

    /// <summary>Describes a failure of the host's start caused by configuration.</summary>
    /// <returns>The line, or <see langword="null"/> when the failure is not one of configuration.</returns>
    public static string? Describe(Exception error, IConfiguration configuration)
    {
        var failure = Unwrap(error);
        return failure switch
        {
            WorkflowCatalogException catalog =>
                $"WorkflowDefinitions:Directory ({Path.GetFullPath(configuration["WorkflowDefinitions:Directory"] ?? ".")}): {FirstLine(catalog.Message)}",
            OptionsValidationException options => $"{options.OptionsType.Name}: {string.Join("; ", options.Failures)}",
            _ when IsStorageFailure(failure) =>
                $"Storage:ConnectionString ({StorageTarget.Describe(configuration.GetSection(WorkflowStorageOptions.SectionName))}): the database cannot be opened or migrated: {Messages(failure)}",
            _ => null,
        };
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;

    private static bool IsStorageFailure(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            // The migration's own frames, or a database driver's error anywhere (Quartz's job store uses the same database).
            if (e is DbException
                || e.StackTrace?.Contains("EcoDamage.Workflow.Storage.", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            var message = FirstLine(e.Message).TrimEnd('.');
            if (!messages.Contains(message, StringComparer.Ordinal))
            {
                messages.Add(message);
            }
        }

        return string.Join(": ", messages) + ".";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
