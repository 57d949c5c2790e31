using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Server.Access;

/// <summary>
/// Masks personal data (fields declared <c>personal: true</c>: an informant's name and contact, an obligor's contact)
/// for roles whose <c>roles.yaml</c> entry lacks <c>personalData: true</c> (issue 13). Masked values read <see cref="Masked"/>.
/// </summary>
internal static class PersonalDataMask
{
    /// <summary>What a masked value shows.</summary>
    public const string Masked = "***";

    /// <summary>Whether <paramref name="role"/> sees personal data unmasked.</summary>
    public static bool Sees(WorkflowCatalog catalog, string role)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Roles.AccessOf(role).PersonalData;
    }

    /// <summary>The personal fields of the definitions <paramref name="case"/> runs.</summary>
    public static IReadOnlySet<string> FieldsOf(WorkflowCatalog catalog, CaseInstance @case)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Frames.Concat(@case.Branches.SelectMany(b => b.Frames))
            .Select(f => catalog.Find(f.DefinitionId, f.Version)?.Definition)
            .Append(catalog.Find(@case.DefinitionId, @case.DefinitionVersion)?.Definition)
            .OfType<Engine.Definitions.WorkflowDefinition>()
            .SelectMany(d => d.Fields).Where(f => f.Personal).Select(f => f.Id)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary><paramref name="data"/> with the personal fields of <paramref name="case"/> masked, unless <paramref name="role"/> sees them.</summary>
    public static IReadOnlyDictionary<string, object?> Apply(WorkflowCatalog catalog, CaseInstance @case, string role, IReadOnlyDictionary<string, object?> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Sees(catalog, role))
        {
            return data;
        }

        var personal = FieldsOf(catalog, @case);
        return personal.Count == 0 || !data.Keys.Any(personal.Contains)
            ? data
            : data.ToDictionary(d => d.Key, d => personal.Contains(d.Key) && d.Value is not null ? Masked : d.Value, StringComparer.Ordinal);
    }
}
