using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Cli;

/// <summary>Shared I/O of the commands: catalog loading with friendly messages, problem printing.</summary>
internal static class CliIo
{
    /// <summary>Loads the catalog in <paramref name="directory"/>; null with a message when the folder is missing.</summary>
    public static CatalogLoadResult? LoadCatalog(string directory, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"error: workflow folder '{directory}' does not exist (use --workflows DIR)");
            return null;
        }

        return WorkflowCatalog.LoadDirectory(directory);
    }

    /// <summary>
    /// Loads a catalog a command needs to run on: the catalog, or null with <paramref name="exitCode"/> set
    /// (usage error for a missing folder, failure for a catalog with errors) and the reason on <paramref name="error"/>.
    /// </summary>
    public static WorkflowCatalog? LoadValidCatalog(string directory, TextWriter error, out int exitCode)
    {
        var loaded = LoadCatalog(directory, error);
        if (loaded is null)
        {
            exitCode = CliApp.Usage;
            return null;
        }

        if (loaded.Catalog is not { } catalog)
        {
            error.WriteLine($"error: the catalog in '{directory}' has errors ({Count(loaded.Problems)}); run 'ecodamage validate'");
            exitCode = CliApp.Failed;
            return null;
        }

        exitCode = 0;
        return catalog;
    }

    /// <summary>Prints problems compiler-style, one a line.</summary>
    public static void Print(IEnumerable<Problem> problems, TextWriter writer)
    {
        foreach (var p in problems)
        {
            writer.WriteLine(p.ToString());
        }
    }

    /// <summary><c>N errors, M warnings</c>.</summary>
    public static string Count(IReadOnlyCollection<Problem> problems)
    {
        var errors = problems.Count(p => p.Severity == Severity.Error);
        var warnings = problems.Count - errors;
        return $"{errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}";
    }
}
