using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Validation;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>Validation of collections, <c>collect</c> and multi-instance calls (rules WF120–WF127).</summary>
internal static class InstanceRules
{
    private static readonly string[] MemberTypes = ["boolean", "integer", "money", "decimal", "text", "date"];

    /// <summary>Collections and the triggers that collect them.</summary>
    public static void Check(ValidationRun run)
    {
        var collections = run.Definition.Collections.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var collected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in run.Definition.Collections)
        {
            run.CheckImplements(c.Implements);
            if (run.Fields.ContainsKey(c.Id))
            {
                run.Problems.Error("WF127", $"collection '{c.Id}' has the id of a data field: a trigger's data could not tell them apart", c.Position);
            }

            foreach (var m in c.Members.Where(m => !MemberTypes.Contains(m.Type.Text) && !run.Fields.ContainsKey(m.Type.Text)))
            {
                var hint = Loading.Suggest.Closest(m.Type.Text, MemberTypes.Concat(run.Fields.Keys));
                run.Problems.Error(
                    "WF120",
                    $"member '{m.Name.Text}' of collection '{c.Id}': '{m.Type.Text}' is neither a type ({string.Join(", ", MemberTypes)}) nor a data field{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}",
                    m.Type.Position);
            }
        }

        foreach (var t in run.Definition.Triggers)
        {
            foreach (var id in t.Collect)
            {
                if (collections.ContainsKey(id.Text))
                {
                    collected.Add(id.Text);
                }
                else
                {
                    run.Unknown("WF121", "collection", id, collections.Keys);
                }
            }
        }

        foreach (var c in run.Definition.Collections.Where(c => !collected.Contains(c.Id)))
        {
            run.Problems.Warning("WF126", $"collection '{c.Id}' is declared but no trigger collects it", c.Position);
        }
    }

    /// <summary>The <c>forEach</c> and <c>when</c> of a call; <paramref name="callee"/> is the called definition (null when unknown).</summary>
    public static void CheckCall(ValidationRun run, StateDefinition state, CallDefinition call, WorkflowDefinition? callee)
    {
        if (call.ForEach is not { } forEach)
        {
            foreach (var o in call.Outcomes.Where(o => o.When is not null))
            {
                run.Problems.Error("WF123", $"outcome '{o.ChildState.Text}' of state '{state.Id}' has 'when', but the call has no 'forEach'", o.WhenPosition ?? o.ChildState.Position);
            }

            return;
        }

        var collection = run.Definition.Collections.FirstOrDefault(c => c.Id == forEach.Text);
        if (collection is null)
        {
            run.Unknown("WF122", "collection", forEach, run.Definition.Collections.Select(c => c.Id));
            return;
        }

        var all = call.Outcomes.Where(o => o.When != OutcomeRule.Any).ToList();
        if (all.Count > 1)
        {
            run.Problems.Error(
                "WF124",
                $"state '{state.Id}' runs '{forEach.Text}' per item but {all.Count} outcomes need every branch ({string.Join(", ", all.Select(o => o.ChildState.Text))}): branches ending differently would have no outcome; mark all but one 'when: any'",
                call.Position);
        }

        if (callee is null)
        {
            return;
        }

        foreach (var m in collection.Members)
        {
            if (callee.Fields.FirstOrDefault(f => f.Id == m.Name.Text) is not { } target)
            {
                continue;
            }

            var source = run.Fields.TryGetValue(m.Type.Text, out var f) ? f : null;
            var type = source?.Type.ToString().ToLowerInvariant() ?? m.Type.Text;
            var sameType = string.Equals(type, target.Type.ToString(), StringComparison.OrdinalIgnoreCase);
            var valuesFit = target.Type != DataType.Enum || (source is not null && source.Values.All(v => target.Values.Any(t => t.Id == v.Id)));
            if (!sameType || !valuesFit)
            {
                run.Problems.Error(
                    "WF125",
                    $"member '{m.Name.Text}' of collection '{collection.Id}' ({m.Type.Text}) seeds field '{target.Id}' of workflow '{callee.Id}' ({target.Type.ToString().ToLowerInvariant()}{(target.Type == DataType.Enum ? ": " + string.Join(", ", target.Values.Select(v => v.Id)) : string.Empty)}), which cannot hold its values",
                    m.Type.Position);
            }
        }
    }
}
