using System.Globalization;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>
/// How a scenario's timeline shows things: ids with their names in the chosen language, instants in the
/// run's time zone, refusals, changes and data values.
/// </summary>
/// <param name="catalog">Where the names come from.</param>
/// <param name="culture">The language of the names.</param>
/// <param name="zone">The zone instants are shown in.</param>
internal sealed class TimelineText(WorkflowCatalog catalog, CultureInfo culture, DateTimeZone zone)
{
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm");

    /// <summary>The language of the names.</summary>
    public CultureInfo Culture => culture;

    /// <summary>The name of the frame's state, or empty.</summary>
    public string StateName(CaseFrame frame) =>
        catalog.Find(frame.DefinitionId, frame.Version)?.States.Find(frame.State)?.Name.For(culture) ?? string.Empty;

    /// <summary>The trigger id with its name.</summary>
    public string Trigger(string id)
    {
        var name = catalog.Workflows.SelectMany(w => w.Definition.Triggers).FirstOrDefault(t => t.Id == id)?.Name.For(culture);
        return name is null ? id : $"{id} ({name})";
    }

    /// <summary>The document id with its name.</summary>
    public string Document(string id)
    {
        var name = catalog.Workflows.SelectMany(w => w.Definition.Documents).FirstOrDefault(d => d.Id == id)?.Name.For(culture);
        return name is null ? id : $"{id} ({name})";
    }

    /// <summary>The role id with its name; <c>(nobody)</c> for none.</summary>
    public string Role(string? id) =>
        id is null ? "(nobody)" : catalog.Roles.Roles.TryGetValue(id, out var name) ? $"{id} ({name.For(culture)})" : id;

    /// <summary>The deadline key with its name.</summary>
    public string DeadlineName(DeadlineInstance d)
    {
        var name = catalog.Workflows.Where(w => w.Definition.Id == d.DefinitionId)
            .SelectMany(w => w.Definition.AllStates()).SelectMany(s => s.Deadlines).FirstOrDefault(x => x.Id == d.DeadlineId)?.Name.For(culture);
        return name is null ? d.Key : $"{d.Key} ({name})";
    }

    /// <summary>An instant as local date and time in the run's zone.</summary>
    public string Local(Instant at) => Shown.Format(at.InZone(zone).LocalDateTime);

    /// <summary>How an action kind reads before its target.</summary>
    public static string Verb(ActionKind kind) => kind switch
    {
        ActionKind.Notify => "notify",
        ActionKind.CopyTo => "copy to",
        ActionKind.ShareStatus => "share status with",
        ActionKind.Publish => "publish",
        _ => "escalate to",
    };

    /// <summary>The refusals of a refused step, joined.</summary>
    public static string Reasons(FireResult result) => string.Join("; ", result.Refusals.Select(r => $"{r.Kind}: {r.Message}"));

    /// <summary>The data a step set, sorted, or empty.</summary>
    public static string Changes(IReadOnlyDictionary<string, object?> changes) =>
        changes.Count == 0 ? string.Empty : "; set " + string.Join(", ", changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={Text(c.Value) ?? "null"}"));

    /// <summary>A data value as the scenario file would write it.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        LocalDate date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
