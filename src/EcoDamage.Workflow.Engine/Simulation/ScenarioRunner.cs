using System.Globalization;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>
/// Plays a <see cref="Scenario"/> against a catalog on a virtual clock. Moving the clock handles every
/// reminder, escalation and auto-fire due on the way at its own due instant. The run stops at the first
/// failure (an unexpected acceptance or refusal, a failed expectation). Scenario mistakes (unknown
/// workflow, trigger, document, role, field or state) are reported as problems with positions before
/// anything runs: SC004 workflow, SC005 trigger, SC006 document, SC007 role, SC008 field, SC009 state.
/// </summary>
/// <param name="catalog">The catalog to run.</param>
/// <param name="language">Language of the names shown beside ids: <c>zh</c> (default) or <c>en</c>.</param>
public sealed class ScenarioRunner(WorkflowCatalog catalog, string language = "zh")
{
    private readonly DeadlineEngine _deadlines = new(new WorkflowEngine(catalog));

    private readonly CultureInfo _culture = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase)
        ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Runs <paramref name="scenario"/>.</summary>
    public ScenarioResult Run(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new ProblemList();
        var root = new ScenarioChecker(catalog).Check(scenario, problems);
        var zone = root?.Calculator.Calendar.Zone ?? DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        if (root is null || problems.HasErrors)
        {
            return new ScenarioResult(problems.Items, [], null, zone);
        }

        return new Playback(_deadlines, new TimelineText(_deadlines.Engine.Catalog, _culture, zone), scenario, root, zone).Play(problems.Items);
    }

    /// <summary>Reads and runs a scenario text in one go.</summary>
    public ScenarioResult Run(string text, string path)
    {
        var read = ScenarioReader.Read(text, path);
        return read.Scenario is null
            ? new ScenarioResult(read.Problems, [], null, DateTimeZoneProviders.Tzdb["Asia/Shanghai"])
            : Run(read.Scenario);
    }
}
