using System.Collections.Immutable;
using System.Globalization;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>
/// Records the items a trigger collects (<c>collect: [phases]</c>): the record list under the collection's key
/// replaces the collection's items, numbered <c>1</c>, <c>2</c>, … with each member coerced to its declared type.
/// Every problem is refused with the item index and member (<c>phases[1].amount</c>).
/// </summary>
internal static class CollectionRecorder
{
    /// <summary>Records the collections <paramref name="trigger"/> collects from <paramref name="records"/>.</summary>
    public static void Apply(CaseBuilder builder, CompiledWorkflow workflow, string trigger, IReadOnlyDictionary<string, RecordList> records)
    {
        if (records.Count == 0 || !workflow.Triggers.TryGetValue(trigger, out var compiled))
        {
            return;
        }

        foreach (var id in compiled.Definition.Collect)
        {
            if (!records.TryGetValue(id.Text, out var list))
            {
                continue;
            }

            var collection = workflow.Definition.Collections.First(c => c.Id == id.Text);
            var members = collection.Members.ToDictionary(m => m.Name.Text, m => MemberField(workflow.Definition, collection, m), StringComparer.Ordinal);
            var items = ImmutableList.CreateBuilder<CollectionItem>();
            var index = 0;
            foreach (var item in list)
            {
                var typed = RecordCoercion.Coerce(
                    item, members, $"collection '{id.Text}'", string.Create(CultureInfo.InvariantCulture, $"{id.Text}[{index}]"), builder.Refusals, out _);
                var values = CaseData.Empty.With(typed);
                index++;
                items.Add(new CollectionItem(index.ToString(CultureInfo.InvariantCulture), values));
            }

            builder.Collections = builder.Collections.SetItem(id.Text, items.ToImmutable());
        }
    }

    /// <summary>The field a member's values are coerced as: its type, or the data field it names (named as the member).</summary>
    private static FieldDefinition MemberField(WorkflowDefinition definition, CollectionDefinition collection, CollectionMember member) =>
        definition.Fields.FirstOrDefault(f => f.Id == member.Type.Text) is { } field
            ? field with { Id = member.Name.Text, Lookup = null }
            : new FieldDefinition(member.Name.Text, collection.Name, ParseType(member.Type.Text), [], null, [], member.Name.Position);

    private static DataType ParseType(string type) => type switch
    {
        "boolean" => DataType.Boolean,
        "integer" => DataType.Integer,
        "money" => DataType.Money,
        "decimal" => DataType.Decimal,
        "date" => DataType.Date,
        _ => DataType.Text,
    };
}
