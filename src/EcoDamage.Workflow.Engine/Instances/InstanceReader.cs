using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>Reads the multi-instance constructs: <c>collections:</c> and the outcome form <c>{ trigger, when }</c> of a <c>forEach</c> call.</summary>
internal static class InstanceReader
{
    /// <summary>Reads collection <paramref name="key"/>: names, <c>item</c> members (member → type or field id) and requirement ids.</summary>
    public static CollectionDefinition? ReadCollection(ProblemList problems, YScalar key, YNode node)
    {
        var m = new MappingReader(node, $"collection '{key.Value}'", problems);
        var names = m.Names();
        var members = new List<CollectionMember>();
        if (m.Required("item") is { } itemNode)
        {
            var im = new MappingReader(itemNode, $"'item' of collection '{key.Value}'", problems);
            foreach (var entry in im.Entries)
            {
                if (entry.Value is YScalar type && !type.IsNull)
                {
                    members.Add(new CollectionMember(new Token(entry.Key.Value, entry.Key.Position), new Token(type.Value, type.Position)));
                }
                else
                {
                    problems.Error("WF004", $"member '{entry.Key.Value}' of collection '{key.Value}' must name a type or a data field", entry.Value.Position);
                }
            }

            if (im.IsValid && members.Count == 0)
            {
                problems.Error("WF002", $"'item' of collection '{key.Value}' needs at least one member", itemNode.Position);
            }
        }

        var implements = m.TokenList("implements");
        m.Finish();
        return new CollectionDefinition(key.Value, names, members, implements, key.Position);
    }

    /// <summary>Reads a call outcome written as a mapping: <c>{ trigger: RepairDone, when: all }</c>.</summary>
    public static CallOutcome? ReadOutcome(ProblemList problems, YScalar key, YNode node, string state)
    {
        var m = new MappingReader(node, $"outcome '{key.Value}' of state '{state}'", problems);
        var trigger = m.RequiredToken("trigger");
        var when = m.OptionalToken("when");
        m.Finish();
        OutcomeRule? rule = null;
        switch (when?.Text)
        {
            case null:
                break;
            case "all":
                rule = OutcomeRule.All;
                break;
            case "any":
                rule = OutcomeRule.Any;
                break;
            default:
                problems.Error("WF123", $"'when' of outcome '{key.Value}' must be 'all' or 'any', not '{when.Value.Text}'", when.Value.Position);
                break;
        }

        return trigger is null
            ? null
            : new CallOutcome(new Token(key.Value, key.Position), trigger.Value) { When = rule, WhenPosition = when?.Position };
    }
}
