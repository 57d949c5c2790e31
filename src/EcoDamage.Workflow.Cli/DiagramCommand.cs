using System.CommandLine;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagrams;

namespace EcoDamage.Workflow.Cli;

/// <summary><c>ecodamage diagram &lt;workflow&gt; [--version V] [--format mermaid|dot] [--lang zh|en] [--output FILE]</c>.</summary>
internal static class DiagramCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workflow = new Argument<string>("workflow") { Description = "Definition id (claim, consultation, repair, …)" };
        var version = new Option<string?>("--version") { Description = "Exact version (default: the newest)" };
        var format = new Option<string>("--format", "-f") { Description = "mermaid or dot", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var lang = new Option<string>("--lang") { Description = "Label language: zh or en", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var file = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output" };
        var workflows = new Option<string>("--workflows", "-w") { Description = "Catalog folder", DefaultValueFactory = _ => "workflows" };
        var command = new Command("diagram", "Draw a workflow definition as a Mermaid state diagram or a Graphviz DOT graph.")
        {
            workflow, version, format, lang, file, workflows,
        };
        command.SetAction(parse => Run(
            parse.GetValue(workflow)!, parse.GetValue(version), parse.GetValue(format)!, parse.GetValue(lang)!,
            parse.GetValue(file), parse.GetValue(workflows)!, output, error));
        return command;
    }

    private static int Run(string id, string? version, string format, string lang, string? file, string directory, TextWriter output, TextWriter error)
    {
        if (CliIo.LoadValidCatalog(directory, error, out var exitCode) is not { } catalog)
        {
            return exitCode;
        }

        CompiledWorkflow? found;
        if (version is null)
        {
            found = catalog.Latest(id);
        }
        else if (SemanticVersion.TryParse(version, out var v))
        {
            found = catalog.Find(id, v);
        }
        else
        {
            error.WriteLine($"error: '{version}' is not a version (major.minor.patch)");
            return CliApp.Usage;
        }

        if (found is null)
        {
            var known = string.Join(", ", catalog.Workflows.Select(w => w.Key).Order(StringComparer.Ordinal));
            error.WriteLine($"error: no workflow '{id}'{(version is null ? string.Empty : $" version {version}")} in '{directory}' (known: {known})");
            return CliApp.Failed;
        }

        var options = new DiagramOptions(lang, catalog.Roles);
        var text = format == "dot" ? DotDiagram.Render(found.Definition, options) : MermaidDiagram.Render(found.Definition, options);
        if (file is null)
        {
            output.Write(text);
        }
        else
        {
            File.WriteAllText(file, text);
            output.WriteLine($"wrote {file}");
        }

        return CliApp.Ok;
    }
}
