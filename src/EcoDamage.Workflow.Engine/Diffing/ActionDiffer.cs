using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>
/// Compares lists of actions as sets keyed by what they do (<c>notify:obligor</c>, <c>publish:CaseClosed</c>): the
/// runtime performs every action of a list, so their order is not a change.
/// </summary>
internal static class ActionDiffer
{
    public static void Actions(ChangeScope scope, string segment, ChangeNoun noun, IReadOnlyList<ActionDefinition> before, IReadOnlyList<ActionDefinition> after) =>
        scope.Keyed(
            segment, Keyed(before), Keyed(after), a => a.Key, a => new ChangeSubject(noun, a.Key, null), ChangeElement.Action,
            a => a.Key,
            (action, old, now) =>
            {
                action.Property("note/zh", Nouns.Note, old.Action.Note?.Zh, now.Action.Note?.Zh);
                action.Property("note/en", Nouns.Note, old.Action.Note?.En, now.Action.Note?.En);
                action.Property("event", Nouns.Event, old.Action.Event?.Text, now.Action.Event?.Text, ChangeElement.Event);
                action.Implements(old.Action.Implements, now.Action.Implements);
            });

    /// <summary>The key of each action; a second identical action is numbered (<c>notify:obligor#2</c>).</summary>
    private static List<KeyedAction> Keyed(IReadOnlyList<ActionDefinition> actions)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = new List<KeyedAction>(actions.Count);
        foreach (var action in actions)
        {
            var key = $"{ValueText.Action(action.Kind)}:{action.Target.Text}";
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            keyed.Add(new KeyedAction(n == 1 ? key : $"{key}#{n}", action));
        }

        return keyed;
    }

    private sealed record KeyedAction(string Key, ActionDefinition Action);
}
