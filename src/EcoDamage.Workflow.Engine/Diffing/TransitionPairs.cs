using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>
/// Matches the transitions of one state in two versions: by trigger, and for a trigger with several alternatives (tried
/// in order, the first whose guard holds) by position among them.
/// </summary>
internal static class TransitionPairs
{
    /// <summary>Each pair, with its path segment under the state (<c>on/SignAgreement</c>, <c>on/DeliverJudgment/2</c>).</summary>
    public static IEnumerable<TransitionPair> Of(IReadOnlyList<TransitionDefinition> before, IReadOnlyList<TransitionDefinition> after)
    {
        var old = Group(before);
        var now = Group(after);
        foreach (var trigger in old.Keys.Concat(now.Keys.Where(k => !old.ContainsKey(k))))
        {
            var o = old.GetValueOrDefault(trigger) ?? [];
            var n = now.GetValueOrDefault(trigger) ?? [];
            var count = Math.Max(o.Count, n.Count);
            for (var i = 0; i < count; i++)
            {
                var segment = "on/" + ChangeScope.Escape(trigger) + (count > 1 ? "/" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
                yield return new TransitionPair(trigger, count > 1 ? i + 1 : null, segment, i < o.Count ? o[i] : null, i < n.Count ? n[i] : null);
            }
        }
    }

    private static Dictionary<string, List<TransitionDefinition>> Group(IReadOnlyList<TransitionDefinition> transitions)
    {
        var groups = new Dictionary<string, List<TransitionDefinition>>(StringComparer.Ordinal);
        foreach (var transition in transitions)
        {
            if (!groups.TryGetValue(transition.Trigger.Text, out var list))
            {
                groups[transition.Trigger.Text] = list = [];
            }

            list.Add(transition);
        }

        return groups;
    }
}
