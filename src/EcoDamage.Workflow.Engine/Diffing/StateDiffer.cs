using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>
/// Compares states by id wherever they are nested (<c>states/PaymentOrderReview</c>; moving one under another parent is
/// a change of its parent): kind, owner, call, deadlines, schedules, actions and transitions.
/// </summary>
internal sealed class StateDiffer(WorkflowDefinition from, WorkflowDefinition to)
{
    private readonly StateIndex _old = new(from);
    private readonly StateIndex _now = new(to);
    private readonly Dictionary<string, LocalizedText> _triggerNames = to.Triggers.Concat(from.Triggers)
        .GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    public void States(ChangeScope root) =>
        root.Keyed(
            "states", from.AllStates(), to.AllStates(), s => s.Id, s => new ChangeSubject(Nouns.State, s.Id, s.Name), ChangeElement.State,
            _ => null, Compare);

    /// <summary>The path segment of a transition's subject: <c>SignAgreement</c>, or <c>DeliverJudgment #2</c> for an alternative.</summary>
    public static string TransitionId(TransitionPair pair) =>
        pair.Alternative is { } n ? $"{pair.Trigger} #{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : pair.Trigger;

    private void Compare(ChangeScope state, StateDefinition old, StateDefinition now)
    {
        state.Names(old.Name, now.Name);
        state.Property("owner", Nouns.Owner, old.Owner?.Text, now.Owner?.Text);
        state.Property("terminal", Nouns.Terminal, ValueText.Flag(old.Terminal), ValueText.Flag(now.Terminal));
        state.Property("initial", Nouns.InitialSubstate, old.Initial?.Text, now.Initial?.Text);
        state.Property("parent", Nouns.Parent, _old.ParentOf(old.Id)?.Id, _now.ParentOf(now.Id)?.Id);
        Call(state, old.Call, now.Call);
        DeadlineDiffer.Deadlines(state, old.Deadlines, now.Deadlines);
        DeadlineDiffer.Schedules(state, old.Schedules, now.Schedules);
        ActionDiffer.Actions(state, "onEntry", Nouns.OnEntry, old.OnEntry, now.OnEntry);
        ActionDiffer.Actions(state, "onExit", Nouns.OnExit, old.OnExit, now.OnExit);
        foreach (var pair in TransitionPairs.Of(old.Transitions, now.Transitions))
        {
            var subject = new ChangeSubject(Nouns.Transition, TransitionId(pair), _triggerNames.GetValueOrDefault(pair.Trigger));
            if (pair.Before is null || pair.After is null)
            {
                var kind = pair.Before is null ? ChangeKind.Added : ChangeKind.Removed;
                state.Entity(kind, pair.Segment, subject, ChangeElement.Transition, Summary((pair.Before ?? pair.After)!));
                continue;
            }

            Transition(state.Into(pair.Segment, subject, ChangeElement.Transition), pair.Before, pair.After);
        }

        state.Implements(old.Implements, now.Implements);
    }

    /// <summary><c>→ Closed [settled]</c>; an internal transition is <c>↻</c>.</summary>
    internal static string Summary(TransitionDefinition transition)
    {
        var head = transition.Target is { } target ? "→ " + target.Text : "↻";
        return GuardText.Normalise(transition.Guard) is { } guard ? $"{head} [{guard}]" : head;
    }

    private static void Transition(ChangeScope transition, TransitionDefinition old, TransitionDefinition now)
    {
        transition.Property("to", Nouns.Target, old.Target?.Text, now.Target?.Text);
        transition.Property("guard", Nouns.Guard, GuardText.Normalise(old.Guard), GuardText.Normalise(now.Guard), ChangeElement.Guard);
        transition.Keyed(
            "set", old.Set, now.Set, a => a.Field.Text, a => new ChangeSubject(Nouns.Assignment, a.Field.Text, null), ChangeElement.Assignment,
            a => GuardText.Normalise(a.Value.Text),
            (assignment, o, n) => assignment.Value(string.Empty, GuardText.Normalise(o.Value.Text), GuardText.Normalise(n.Value.Text)));
        TriggerDiffer.Requires(transition, old.Requires, now.Requires);
        transition.Members("after", Nouns.After, ChangeElement.After, ChangeScope.Texts(old.After), ChangeScope.Texts(now.After));
        ActionDiffer.Actions(transition, "actions", Nouns.Action, old.Actions, now.Actions);
        DeadlineDiffer.Deadlines(transition, old.Deadlines, now.Deadlines);
        transition.Implements(old.Implements, now.Implements);
    }

    private static void Call(ChangeScope state, CallDefinition? before, CallDefinition? after)
    {
        var subject = new ChangeSubject(Nouns.Call, string.Empty, null);
        if (before is null || after is null)
        {
            if (before is not null || after is not null)
            {
                state.Entity(before is null ? ChangeKind.Added : ChangeKind.Removed, "call", subject, ChangeElement.Call, (before ?? after)!.Workflow.Text);
            }

            return;
        }

        var call = state.Into("call", subject, ChangeElement.Call);
        call.Property("workflow", Nouns.Workflow, before.Workflow.Text, after.Workflow.Text);
        call.Property("version", Nouns.Version, before.Version?.Text, after.Version?.Text);
        call.Property("forEach", Nouns.ForEach, before.ForEach?.Text, after.ForEach?.Text);
        call.Keyed(
            "outcomes", before.Outcomes, after.Outcomes, o => o.ChildState.Text, o => new ChangeSubject(Nouns.Outcome, o.ChildState.Text, null),
            ChangeElement.Call, o => o.ParentTrigger.Text,
            (outcome, o, n) =>
            {
                outcome.Property("trigger", Nouns.ParentTrigger, o.ParentTrigger.Text, n.ParentTrigger.Text);
                outcome.Property("when", Nouns.When, When(o), When(n));
            });
    }

    private static string When(CallOutcome outcome) => outcome.When == Instances.OutcomeRule.Any ? "any" : "all";
}
