using System.Globalization;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Simulation;

public sealed partial class ScenarioRunner
{
    private sealed partial class Playback
    {
        private void Add(TimelineKind kind, string details, Duration? lateness = null, bool failure = false, CaseInstance? @case = null)
        {
            var current = @case ?? _case;
            var state = current is null ? string.Empty : string.Join(" / ", current.States);
            var name = current is null ? string.Empty : StateName(current.Frames[^1]);
            _timeline.Add(new TimelineEntry(_clock, kind, state, name, details, lateness, _step, failure));
        }

        private string StateName(CaseFrame frame) =>
            owner.Catalog.Find(frame.DefinitionId, frame.Version)?.States.Find(frame.State)?.Name.For(owner._culture) ?? string.Empty;

        private string Trigger(string id)
        {
            var name = owner.Catalog.Workflows.SelectMany(w => w.Definition.Triggers).FirstOrDefault(t => t.Id == id)?.Name.For(owner._culture);
            return name is null ? id : $"{id} ({name})";
        }

        private string Document(string id)
        {
            var name = owner.Catalog.Workflows.SelectMany(w => w.Definition.Documents).FirstOrDefault(d => d.Id == id)?.Name.For(owner._culture);
            return name is null ? id : $"{id} ({name})";
        }

        private string Role(string? id) =>
            id is null ? "(nobody)" : owner.Catalog.Roles.Roles.TryGetValue(id, out var name) ? $"{id} ({name.For(owner._culture)})" : id;

        private string DeadlineName(DeadlineInstance d)
        {
            var name = owner.Catalog.Workflows.Where(w => w.Definition.Id == d.DefinitionId)
                .SelectMany(w => w.Definition.AllStates()).SelectMany(s => s.Deadlines).FirstOrDefault(x => x.Id == d.DeadlineId)?.Name.For(owner._culture);
            return name is null ? d.Key : $"{d.Key} ({name})";
        }

        private string Local(Instant at) => Shown.Format(at.InZone(zone).LocalDateTime);

        private static string Verb(ActionKind kind) => kind switch
        {
            ActionKind.Notify => "notify",
            ActionKind.CopyTo => "copy to",
            ActionKind.ShareStatus => "share status with",
            ActionKind.Publish => "publish",
            _ => "escalate to",
        };

        private static string Reasons(FireResult result) => string.Join("; ", result.Refusals.Select(r => $"{r.Kind}: {r.Message}"));

        private static string Changes(IReadOnlyDictionary<string, object?> changes) =>
            changes.Count == 0 ? string.Empty : "; set " + string.Join(", ", changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={Text(c.Value) ?? "null"}"));

        private static string? Text(object? value) => value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            LocalDate date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
