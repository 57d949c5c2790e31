using System.CommandLine;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Cli;

/// <summary><c>ecodamage validate [--workflows DIR] [FILE...]</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workflows = new Option<string>("--workflows", "-w")
        {
            Description = "Catalog folder (definitions, roles.yaml, calendars/, tables/)",
            DefaultValueFactory = _ => "workflows",
        };
        var files = new Argument<string[]>("FILE")
        {
            Description = "Definition files to validate against the catalog (default: the whole catalog)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Check the catalog (or the given definition files) and print every problem as file:line:col: error RULE: message. Exit 0 no errors, 1 errors, 2 usage or I/O error.")
        {
            workflows,
            files,
        };
        command.SetAction(parse => Run(parse.GetValue(workflows)!, parse.GetValue(files) ?? [], output, error));
        return command;
    }

    private static int Run(string directory, string[] files, TextWriter output, TextWriter error)
    {
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            error.WriteLine($"error: file '{file}' does not exist");
            return CliApp.Usage;
        }

        var loaded = CliIo.LoadCatalog(directory, error);
        if (loaded is null)
        {
            return CliApp.Usage;
        }

        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        List<Problem> problems;
        if (files.Length == 0)
        {
            problems = [.. loaded.Problems];
        }
        else
        {
            problems = [];
            var inside = files.Where(f => Path.GetFullPath(f).StartsWith(root, StringComparison.Ordinal)).ToList();
            var outside = files.Except(inside).ToList();

            // Files of the catalog itself: their problems come from loading it (validating them as new
            // definitions would only report that they are already declared).
            var shown = inside.Select(f => Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(f))).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(loaded.Problems.Where(p => shown.Contains(p.Position.File)));
            if (outside.Count > 0)
            {
                if (loaded.Catalog is null)
                {
                    error.WriteLine($"error: the catalog in '{directory}' does not load, so other files cannot be checked against it:");
                    CliIo.Print(loaded.Problems, output);
                    output.WriteLine($"validate: {CliIo.Count(loaded.Problems)} in the catalog");
                    return CliApp.Failed;
                }

                foreach (var file in outside)
                {
                    problems.AddRange(loaded.Catalog.Validate(File.ReadAllText(file), file));
                }
            }
        }

        CliIo.Print(problems, output);
        var checkedWhat = files.Length == 0 ? $"catalog '{directory}'" : $"{files.Length} file{(files.Length == 1 ? string.Empty : "s")}";
        output.WriteLine($"validate: {CliIo.Count(problems)} ({checkedWhat})");
        return problems.Any(p => p.Severity == Severity.Error) ? CliApp.Failed : CliApp.Ok;
    }
}
