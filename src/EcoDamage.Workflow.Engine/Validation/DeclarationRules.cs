using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>
/// What a definition declares about itself for the components around the engine: its event names
/// (WF080, WF081), its listing fields (WF013) and its role as the clue-intake workflow (WF011, WF082).
/// </summary>
internal static class DeclarationRules
{
    public static void Check(WorkflowDefinition def, StateIndex states, ValidationContext context, ProblemList problems)
    {
        CheckEvents(def, problems);
        if (def.Listing is { } listing)
        {
            var fields = def.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var field in listing.Fields.Where(f => !fields.Contains(f.Text)))
            {
                Unknown(problems, "WF013", "listing field", field, fields);
            }
        }

        if (def.Intake is { } intake)
        {
            foreach (var state in intake.ClueStates.Where(s => !states.States.ContainsKey(s.Text)))
            {
                Unknown(problems, "WF011", "clue state", state, states.States.Keys);
            }

            if (intake.ClueStates.Count == 0)
            {
                problems.Error("WF002", "'intake' must name its clue states in 'clueStates'", intake.Position);
            }

            if (context.Definitions.FirstOrDefault(d => d.Intake is not null && d.Id != def.Id) is { } other)
            {
                problems.Error("WF082", $"'{def.Id}' and '{other.Id}' both declare 'intake': one definition registers clues", intake.Position);
            }
        }
    }

    private static void CheckEvents(WorkflowDefinition def, ProblemList problems)
    {
        CheckName(def.Start?.Event, problems);
        foreach (var trigger in def.Triggers)
        {
            CheckName(trigger.Event, problems);
        }

        var published = new Dictionary<string, Token>(StringComparer.Ordinal);
        foreach (var action in def.Actions())
        {
            if (action.Event is not { } e)
            {
                continue;
            }

            if (action.Kind != ActionKind.Publish)
            {
                problems.Error("WF004", $"'event' belongs to a 'publish' action, not to '{action.Kind}'", e.Position);
                continue;
            }

            CheckName(e, problems);
            if (published.TryGetValue(action.Target.Text, out var first) && first.Text != e.Text)
            {
                problems.Error("WF081", $"'publish: {action.Target.Text}' is event '{e.Text}' here but '{first.Text}' at line {first.Position.Line}", e.Position);
            }
            else
            {
                published.TryAdd(action.Target.Text, e);
            }
        }

        // A publish without 'event' derives its name; it must not contradict a declared one for the same target.
        foreach (var action in def.Actions().Where(a => a.Kind == ActionKind.Publish && a.Event is null))
        {
            if (published.TryGetValue(action.Target.Text, out var declared) && declared.Text != EventNaming.Published(action.Target.Text))
            {
                problems.Error("WF081", $"'publish: {action.Target.Text}' needs 'event: {declared.Text}' as at line {declared.Position.Line}", action.Target.Position);
            }
        }
    }

    private static void CheckName(Token? name, ProblemList problems)
    {
        if (name is { } n && !EventNaming.IsValidName(n.Text))
        {
            problems.Error("WF080", $"event name '{n.Text}' must be dot-separated lower-camel words such as 'case.repairCompleted'", n.Position);
        }
    }

    private static void Unknown(ProblemList problems, string rule, string kind, Token token, IEnumerable<string> known)
    {
        var hint = Loading.Suggest.Closest(token.Text, known);
        problems.Error(rule, $"unknown {kind} '{token.Text}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}", token.Position);
    }
}
