using System.CommandLine;
using System.Globalization;
using System.Text;
using EcoDamage.Workflow.Engine.Simulation;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Cli;

/// <summary><c>ecodamage simulate &lt;scenario.yaml&gt; [--workflows DIR] [--lang zh|en]</c>.</summary>
internal static class SimulateCommand
{
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm");

    public static Command Create(TextWriter output, TextWriter error)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML)" };
        var workflows = new Option<string>("--workflows", "-w") { Description = "Catalog folder", DefaultValueFactory = _ => "workflows" };
        var lang = new Option<string>("--lang") { Description = "Language of the names beside ids: zh or en", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var command = new Command("simulate", "Run a scenario on a virtual clock and print its timeline. Exit 0 when it ran and every expectation held, 1 otherwise, 2 usage or I/O error.")
        {
            scenario, workflows, lang,
        };
        command.SetAction(parse => Run(parse.GetValue(scenario)!, parse.GetValue(workflows)!, parse.GetValue(lang)!, output, error));
        return command;
    }

    private static int Run(string file, string directory, string lang, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            error.WriteLine($"error: scenario file '{file}' does not exist");
            return CliApp.Usage;
        }

        if (CliIo.LoadValidCatalog(directory, error, out var exitCode) is not { } catalog)
        {
            return exitCode;
        }

        var result = new ScenarioRunner(catalog, lang).Run(File.ReadAllText(file), file);
        if (result.Problems.Count > 0)
        {
            CliIo.Print(result.Problems, error);
        }

        if (result.Case is null && result.Timeline.Count == 0)
        {
            error.WriteLine($"simulate: {file} not run: {CliIo.Count(result.Problems)}");
            return CliApp.Failed;
        }

        Table(result, output);
        if (result.Success)
        {
            output.WriteLine($"simulate: PASSED {file} ({result.Timeline.Count} events, final state {result.Case!.State})");
            return CliApp.Ok;
        }

        foreach (var failure in result.Failures)
        {
            var at = failure.Step is { } step ? $"{step}: " : string.Empty;
            error.WriteLine($"{at}error: {failure.Details}");
        }

        output.WriteLine($"simulate: FAILED {file}");
        return CliApp.Failed;
    }

    private static void Table(ScenarioResult result, TextWriter output)
    {
        var rows = result.Timeline.Select(e => new[]
        {
            Shown.Format(e.At.InZone(result.Zone).LocalDateTime),
            (e.IsFailure ? "✗ " : string.Empty) + Kind(e.Kind),
            e.StateName.Length == 0 ? e.State : $"{e.State} ({e.StateName})",
            e.Lateness is { } late ? $"{e.Details} [{Late(late)}]" : e.Details,
        }).ToList();
        string[] header = ["Time (Asia/Shanghai)", "Event", "State", "Details"];
        var widths = Enumerable.Range(0, 3).Select(i => rows.Select(r => Width(r[i])).Append(Width(header[i])).Max()).ToArray();
        output.WriteLine(Row(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w)).Append(new string('-', 7))));
        foreach (var row in rows)
        {
            output.WriteLine(Row(row, widths));
        }
    }

    private static string Row(string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 3; i++)
        {
            sb.Append(cells[i]).Append(' ', widths[i] - Width(cells[i]) + 2);
        }

        return sb.Append(cells[3]).ToString();
    }

    /// <summary>Terminal columns: CJK and full-width characters take two.</summary>
    private static int Width(string text) =>
        text.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    private static string Kind(TimelineKind kind) => kind switch
    {
        TimelineKind.DocumentAttached => "document",
        TimelineKind.CallStarted => "call started",
        TimelineKind.DeadlineOpened => "deadline opened",
        TimelineKind.DeadlineClosed => "deadline closed",
        TimelineKind.ClockAdvanced => "clock",
        TimelineKind.ExpectationMet => "expect ok",
        TimelineKind.ExpectationFailed => "expect FAILED",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Late(Duration late) =>
        late == Duration.Zero ? "on time"
        : "late " + (late.Days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{late.Days}d ") : string.Empty)
          + string.Create(CultureInfo.InvariantCulture, $"{late.Hours}h{late.Minutes:00}m");
}
