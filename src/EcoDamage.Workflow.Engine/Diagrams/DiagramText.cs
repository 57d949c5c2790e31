using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diagrams;

/// <summary>
/// The words of a diagram, shared by the Mermaid and DOT writers so both draw the same thing: state
/// names, transition labels (<c>trigger [guard]</c>), deadline notes (<c>⏱ 30d → …</c>) and call marks (<c>⇒ consultation</c>).
/// </summary>
internal sealed class DiagramText(WorkflowDefinition definition, DiagramOptions options)
{
    private readonly Dictionary<string, TriggerDefinition> _triggers =
        definition.Triggers.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public bool English => options.English;

    /// <summary>Diagram title: <c>claim@1.0.0 生态环境损害赔偿案件</c>.</summary>
    public string Title => $"{definition.Key} {definition.Title.For(options.Culture)}";

    /// <summary>The state's name in the chosen language (its id when the name is empty).</summary>
    public string StateName(StateDefinition state)
    {
        var name = state.Name.For(options.Culture);
        var prefix = options.Marks is { } marks ? DiagramMarkup.Prefix(marks.Of(state)) : string.Empty;
        return prefix + (string.IsNullOrWhiteSpace(name) ? state.Id : name);
    }

    /// <summary>
    /// <c>trigger [guard]</c>: the trigger's Chinese name in <c>zh</c>, its id in <c>en</c> (the English
    /// names are whole sentences); alternatives of one trigger are numbered in the order they are tried.
    /// </summary>
    public string TransitionLabel(TransitionDefinition transition, int alternative, int alternatives)
    {
        var trigger = transition.Trigger.Text;
        var t = _triggers.GetValueOrDefault(trigger);
        var name = !English && t is not null && !string.IsNullOrWhiteSpace(t.Name.Zh) ? t.Name.Zh : trigger;
        var prefix = (options.Marks is { } marks ? DiagramMarkup.Prefix(marks.Of(transition)) : string.Empty)
            + (alternatives > 1 ? $"{alternative}. " : string.Empty);
        var label = transition.Guard is { } guard ? $"{prefix}{name} [{OneLine(guard.Text)}]" : prefix + name;
        // Statutory periods the transition waits for (after:): ⏳ courtNotice.
        var after = transition.After.Concat(t?.After ?? []).Select(a => a.Text).Distinct(StringComparer.Ordinal).ToList();
        label = after.Count == 0 ? label : $"{label} ⏳ {string.Join(", ", after)}";
        return transition.Deadlines.Count == 0 ? label : label + " " + string.Join(" ", DeadlineLines(transition.Deadlines));
    }

    /// <summary>Lines listing internal transitions: <c>↻ trigger [guard]</c>.</summary>
    public IEnumerable<string> InternalLines(StateDefinition state) =>
        Numbered(state.Transitions.Where(t => t.Target is null).ToList()).Select(x => "↻ " + TransitionLabel(x.Transition, x.Index, x.Count));

    /// <summary>The call mark: <c>⇒ consultation (Agreed → ConsultationAgreed, …)</c>.</summary>
    public static string? CallLine(StateDefinition state)
    {
        if (state.Call is not { } call)
        {
            return null;
        }

        var version = (call.Version is { } v ? "@" + v.Text : string.Empty) + (call.ForEach is { } each ? " ×" + each.Text : string.Empty);
        var outcomes = string.Join(", ", call.Outcomes.Select(o => $"{(o.When == Instances.OutcomeRule.Any ? "any " : string.Empty)}{o.ChildState.Text} → {o.ParentTrigger.Text}"));
        return outcomes.Length == 0 ? $"⇒ {call.Workflow.Text}{version}" : $"⇒ {call.Workflow.Text}{version} ({outcomes})";
    }

    /// <summary>One line per deadline: <c>⏱ 30d (remind 7d, 1d) → escalate procuratorate</c>.</summary>
    public IEnumerable<string> DeadlineLines(StateDefinition state) => DeadlineLines(state.Deadlines);

    private IEnumerable<string> DeadlineLines(IReadOnlyList<DeadlineDefinition> deadlines)
    {
        foreach (var d in deadlines)
        {
            var when = d.Period is { } p ? p.Text : (English ? "due " : "截止于 ") + d.DueField?.Text;
            if (d.Period is not null && d.Anchor.Kind != AnchorKind.Entered)
            {
                when += (English ? " from " : " 自 ") + d.Anchor.Name?.Text;
            }

            if (d.Reminders.Count > 0)
            {
                var to = d.RemindRole is { } r ? (English ? " to " : " 给 ") + Role(r.Text) : string.Empty;
                when += English
                    ? $" (remind {string.Join(", ", d.Reminders.Select(x => x.Text))} before{to})"
                    : $"（提前 {string.Join("、", d.Reminders.Select(x => x.Text))} 提醒{to}）";
            }

            var outcomes = new List<string>();
            if (d.Overdue?.Escalate is { } escalate)
            {
                outcomes.Add((English ? "escalate " : "移交监督 ") + Role(escalate.Text));
            }

            if (d.Overdue?.Fire is { } fire)
            {
                outcomes.Add((English ? "fire " : "自动触发 ") + fire.Text);
            }

            var name = d.Name.For(options.Culture);
            var head = string.IsNullOrWhiteSpace(name) ? d.Id : name;
            yield return outcomes.Count == 0
                ? $"⏱ {head}: {when}"
                : $"⏱ {head}: {when} → {string.Join(English ? " and " : "并", outcomes)}";
        }
    }

    /// <summary>Transitions with a target, numbered within each trigger.</summary>
    public static IEnumerable<(TransitionDefinition Transition, int Index, int Count)> External(StateDefinition state) =>
        Numbered(state.Transitions.Where(t => t.Target is not null).ToList());

    private static IEnumerable<(TransitionDefinition Transition, int Index, int Count)> Numbered(List<TransitionDefinition> transitions)
    {
        var counts = transitions.GroupBy(t => t.Trigger.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in transitions)
        {
            var n = seen[t.Trigger.Text] = seen.GetValueOrDefault(t.Trigger.Text) + 1;
            yield return (t, n, counts[t.Trigger.Text]);
        }
    }

    private string Role(string id) =>
        options.Roles?.Roles.TryGetValue(id, out var name) == true ? $"{name.For(options.Culture)} ({id})" : id;

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
