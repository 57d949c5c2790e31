using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Instances;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>Compares what a definition declares beside its states: parameters, data fields, documents, collections, listing, intake.</summary>
internal static class DeclarationDiffer
{
    public static void Parameters(ChangeScope root, IReadOnlyList<ParameterDefinition> before, IReadOnlyList<ParameterDefinition> after) =>
        root.Keyed(
            "parameters", before, after, p => p.Id, p => new ChangeSubject(Nouns.Parameter, p.Id, p.Name), ChangeElement.Parameter,
            p => $"{ValueText.Of(p.Value)} ({ValueText.Type(p.Type)})",
            (scope, old, now) =>
            {
                scope.Names(old.Name, now.Name);
                scope.Property("type", Nouns.Type, ValueText.Type(old.Type), ValueText.Type(now.Type));
                scope.Value("value", ValueText.Of(old.Value), ValueText.Of(now.Value));
                scope.Implements(old.Implements, now.Implements);
            });

    public static void Fields(ChangeScope root, IReadOnlyList<FieldDefinition> before, IReadOnlyList<FieldDefinition> after) =>
        root.Keyed(
            "data", before, after, f => f.Id, f => new ChangeSubject(Nouns.DataField, f.Id, f.Name), ChangeElement.DataField,
            f => ValueText.Type(f.Type),
            (scope, old, now) =>
            {
                scope.Names(old.Name, now.Name);
                scope.Property("type", Nouns.Type, ValueText.Type(old.Type), ValueText.Type(now.Type));
                scope.Keyed(
                    "values", old.Values, now.Values, v => v.Id, v => new ChangeSubject(Nouns.EnumValue, v.Id, v.Name), ChangeElement.EnumValue,
                    _ => null, (value, o, n) => value.Names(o.Name, n.Name));
                scope.Property("lookup", Nouns.Lookup, Lookup(old.Lookup), Lookup(now.Lookup));
                scope.Property("reference", Nouns.Reference, old.Reference?.Text, now.Reference?.Text);
                scope.Property("personal", Nouns.Personal, ValueText.Flag(old.Personal), ValueText.Flag(now.Personal));
                scope.Property("derived", Nouns.Derived, Derived(old), Derived(now));
                scope.Implements(old.Implements, now.Implements);
            });

    public static void Documents(ChangeScope root, IReadOnlyList<DocumentDefinition> before, IReadOnlyList<DocumentDefinition> after) =>
        root.Keyed(
            "documents", before, after, d => d.Id, d => new ChangeSubject(Nouns.Document, d.Id, d.Name), ChangeElement.Document,
            _ => null,
            (scope, old, now) =>
            {
                scope.Names(old.Name, now.Name);
                scope.Members("roles", Nouns.Role, ChangeElement.Role, ChangeScope.Texts(old.Roles), ChangeScope.Texts(now.Roles));
                scope.Implements(old.Implements, now.Implements);
            });

    public static void Collections(ChangeScope root, IReadOnlyList<CollectionDefinition> before, IReadOnlyList<CollectionDefinition> after) =>
        root.Keyed(
            "collections", before, after, c => c.Id, c => new ChangeSubject(Nouns.Collection, c.Id, c.Name), ChangeElement.Collection,
            _ => null,
            (scope, old, now) =>
            {
                scope.Names(old.Name, now.Name);
                scope.Keyed(
                    "item", old.Members, now.Members, m => m.Name.Text, m => new ChangeSubject(Nouns.Member, m.Name.Text, null),
                    ChangeElement.Collection, m => m.Type.Text,
                    (member, o, n) => member.Property("type", Nouns.Type, o.Type.Text, n.Type.Text));
                scope.Implements(old.Implements, now.Implements);
            });

    /// <summary>Each listing column is an ordered list (the first field holding a value wins): its order counts.</summary>
    public static void Listing(ChangeScope root, ListingDefinition? before, ListingDefinition? after)
    {
        var listing = root.Under("listing", ChangeElement.Listing);
        string?[] Columns(ListingDefinition? l) =>
            l is null ? [null, null, null, null] : [ValueText.Join(l.Channel), ValueText.Join(l.Domain), ValueText.Join(l.Jurisdiction), ValueText.Join(l.Department)];
        var old = Columns(before);
        var now = Columns(after);
        for (var i = 0; i < ListingDefinition.Columns.Count; i++)
        {
            var column = ListingDefinition.Columns[i];
            listing.Into(column, new ChangeSubject(Nouns.Listing, column, null), ChangeElement.Listing)
                .Property(string.Empty, Nouns.Columns, old[i], now[i]);
        }
    }

    public static void Intake(ChangeScope root, IntakeDefinition? before, IntakeDefinition? after)
    {
        if (before is null != after is null)
        {
            root.Entity(
                before is null ? ChangeKind.Added : ChangeKind.Removed, "intake", new ChangeSubject(Nouns.Intake, string.Empty, null),
                ChangeElement.Intake, ValueText.Join((before ?? after)!.ClueStates));
            return;
        }

        if (before is not null && after is not null)
        {
            root.Into("intake", new ChangeSubject(Nouns.Intake, string.Empty, null), ChangeElement.Intake)
                .Members("clueStates", Nouns.ClueState, ChangeElement.Intake, ChangeScope.Texts(before.ClueStates), ChangeScope.Texts(after.ClueStates));
        }
    }

    private static string? Lookup(FieldLookup? lookup) => lookup is null ? null : $"{lookup.Table.Text}[{lookup.Key.Text}]";

    private static string? Derived(FieldDefinition field) =>
        field.Derived is { } sum ? $"schedule {sum.Schedule.Text} sum {sum.Sum.Text}"
        : field.LedgerDerived is { } ledger ? $"ledger {ValueText.Camel(ledger.Measure.ToString())}" + (ledger.Head is { } h ? $" head {h.Text}" : string.Empty)
        : null;
}
