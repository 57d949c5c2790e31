using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// Types one record of a record list against the fields its members are declared as (a collection's items, a
/// schedule's items): each member must be declared and hold a value of its type. Every problem is a refusal whose
/// subject is <c>list[index].member</c>.
/// </summary>
internal static class RecordCoercion
{
    /// <summary>The typed, non-null members of <paramref name="item"/>; refusals go to <paramref name="refusals"/>.</summary>
    /// <param name="item">The record.</param>
    /// <param name="members">Declared members by name, each with the field that types it.</param>
    /// <param name="owner">What declares the members, for messages (e.g. <c>collection 'phases'</c>).</param>
    /// <param name="path">The record's place, <c>list[index]</c>.</param>
    /// <param name="refusals">Where problems go.</param>
    /// <param name="rejected">The members present but refused (undeclared or not of their type).</param>
    /// <returns>Member → typed value, without nulls.</returns>
    public static Dictionary<string, object?> Coerce(
        RecordItem item, IReadOnlyDictionary<string, FieldDefinition> members, string owner, string path, List<Refusal> refusals, out HashSet<string> rejected)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        rejected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (member, raw) in item)
        {
            var subject = $"{path}.{member}";
            if (!members.TryGetValue(member, out var field))
            {
                refusals.Add(new Refusal(RefusalKind.InvalidData, $"{subject}: '{member}' is not a member of {owner} (members: {string.Join(", ", members.Keys)})", subject));
                rejected.Add(member);
            }
            else if (!DataCoercion.TryCoerce(field, raw, out var value, out var error))
            {
                refusals.Add(new Refusal(RefusalKind.InvalidData, $"{subject}: {error}", subject));
                rejected.Add(member);
            }
            else if (value is not null)
            {
                values[member] = value;
            }
        }

        return values;
    }
}
