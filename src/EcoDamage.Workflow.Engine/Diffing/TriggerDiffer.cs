using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Ledger;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>Compares triggers (who fires them, with what, after which periods) and the start of a case.</summary>
internal static class TriggerDiffer
{
    public static void Triggers(ChangeScope root, IReadOnlyList<TriggerDefinition> before, IReadOnlyList<TriggerDefinition> after) =>
        root.Keyed(
            "triggers", before, after, t => t.Id, t => new ChangeSubject(Nouns.Trigger, t.Id, t.Name), ChangeElement.Trigger,
            t => ValueText.Join(t.Roles),
            (scope, old, now) =>
            {
                scope.Names(old.Name, now.Name);
                scope.Members("roles", Nouns.Role, ChangeElement.Role, ChangeScope.Texts(old.Roles), ChangeScope.Texts(now.Roles));
                scope.Members("inputs", Nouns.Input, ChangeElement.Input, ChangeScope.Texts(old.Inputs), ChangeScope.Texts(now.Inputs));
                Requires(scope, old.Requires, now.Requires);
                scope.Members("after", Nouns.After, ChangeElement.After, ChangeScope.Texts(old.After), ChangeScope.Texts(now.After));
                scope.Property("event", Nouns.Event, old.Event?.Text, now.Event?.Text, ChangeElement.Event);
                scope.Members("collect", Nouns.Collect, ChangeElement.Collection, ChangeScope.Texts(old.Collect), ChangeScope.Texts(now.Collect));
                scope.Members("schedule", Nouns.ScheduleRecord, ChangeElement.Schedule, ChangeScope.Texts(old.Schedule), ChangeScope.Texts(now.Schedule));
                scope.Property("meets", Nouns.Meets, Meets(old), Meets(now), ChangeElement.Schedule);
                scope.Property("ledger", Nouns.Ledger, Ledger(old.Ledger), Ledger(now.Ledger));
                scope.Implements(old.Implements, now.Implements);
            });

    public static void Start(ChangeScope root, StartDefinition? before, StartDefinition? after)
    {
        var subject = new ChangeSubject(Nouns.Start, string.Empty, null);
        if (before is null || after is null)
        {
            if (before is not null || after is not null)
            {
                root.Entity(before is null ? ChangeKind.Added : ChangeKind.Removed, "start", subject, ChangeElement.Start, ValueText.Join((before ?? after)!.Roles));
            }

            return;
        }

        var scope = root.Into("start", subject, ChangeElement.Start);
        scope.Members("roles", Nouns.Role, ChangeElement.Role, ChangeScope.Texts(before.Roles), ChangeScope.Texts(after.Roles));
        scope.Members("inputs", Nouns.Input, ChangeElement.Input, ChangeScope.Texts(before.Inputs), ChangeScope.Texts(after.Inputs));
        Requires(scope, before.Requires, after.Requires);
        scope.Property("event", Nouns.Event, before.Event?.Text, after.Event?.Text, ChangeElement.Event);
    }

    /// <summary><c>requires: { data: […], documents: […] }</c> of a trigger, the start or a transition.</summary>
    public static void Requires(ChangeScope scope, Requirements before, Requirements after)
    {
        scope.Members("requires/data", Nouns.RequiredData, ChangeElement.Requirement, ChangeScope.Texts(before.Data), ChangeScope.Texts(after.Data));
        scope.Members("requires/documents", Nouns.RequiredDocument, ChangeElement.Requirement, ChangeScope.Texts(before.Documents), ChangeScope.Texts(after.Documents));
    }

    private static string? Meets(TriggerDefinition trigger) =>
        trigger.Meets is { } m ? $"{m.Schedule.Text} item {m.Item.Text}" + (m.Amount is { } a ? $" amount {a.Text}" : string.Empty) : null;

    private static string? Ledger(TriggerLedger? ledger)
    {
        if (ledger is null)
        {
            return null;
        }

        var parts = new List<string>();
        if (Sorted(ledger.Kinds) is { } kinds)
        {
            parts.Add($"ledger [{kinds}]");
        }

        if (Sorted(ledger.PartyKinds) is { } parties)
        {
            parts.Add($"parties [{parties}]");
        }

        if (ledger.AsParty)
        {
            parts.Add("asParty");
        }

        if (ledger.CollectedBy is { } by)
        {
            parts.Add("collectedBy " + by.Text);
        }

        if (ledger.Required)
        {
            parts.Add("ledgerRequired");
        }

        if (ledger.Total is { } total)
        {
            parts.Add("ledgerTotal " + total.Text);
        }

        return string.Join(", ", parts);
    }

    private static string? Sorted(IReadOnlyList<Token> kinds) => ValueText.Join(kinds.OrderBy(k => k.Text, StringComparer.Ordinal));
}
