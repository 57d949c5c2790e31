namespace EcoDamage.Workflow.Engine.Reference;

/// <summary>
/// The catalog's reference data (<c>workflows/reference/organisation.yaml</c>): the departments (R1–R3), the
/// jurisdictions (R4) and the treasuries payments go into (R27). A field declared <c>reference: LIST</c> only takes
/// an id of that list.
/// </summary>
public sealed class ReferenceData
{
    /// <summary>The list of departments.</summary>
    public const string DepartmentsList = "departments";

    /// <summary>The list of jurisdictions.</summary>
    public const string JurisdictionsList = "jurisdictions";

    /// <summary>The list of treasuries.</summary>
    public const string TreasuriesList = "treasuries";

    private readonly Dictionary<string, HashSet<string>> _ids;

    /// <summary>Creates reference data from its three lists.</summary>
    /// <param name="departments">Departments that handle or support claims.</param>
    /// <param name="jurisdictions">Districts, counties and zones a case can belong to.</param>
    /// <param name="treasuries">Treasuries payments go into, each with the jurisdiction it serves.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    public ReferenceData(IReadOnlyList<ReferenceItem> departments, IReadOnlyList<ReferenceItem> jurisdictions, IReadOnlyList<ReferenceItem> treasuries)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(jurisdictions);
        ArgumentNullException.ThrowIfNull(treasuries);
        Departments = departments;
        Jurisdictions = jurisdictions;
        Treasuries = treasuries;
        _ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            [DepartmentsList] = departments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal),
            [JurisdictionsList] = jurisdictions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal),
            [TreasuriesList] = treasuries.Select(d => d.Id).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>No reference data (a catalog without <c>reference/organisation.yaml</c>): every list is empty.</summary>
    public static ReferenceData Empty { get; } = new([], [], []);

    /// <summary>The names a field's <c>reference:</c> may give.</summary>
    public static IReadOnlyList<string> ListNames { get; } = [DepartmentsList, JurisdictionsList, TreasuriesList];

    /// <summary>Departments that handle or support claims (R1–R3), in file order.</summary>
    public IReadOnlyList<ReferenceItem> Departments { get; }

    /// <summary>Districts, counties and zones a case can belong to (R4), in file order.</summary>
    public IReadOnlyList<ReferenceItem> Jurisdictions { get; }

    /// <summary>Treasuries (R27), in file order; each names its jurisdiction in <see cref="ReferenceItem.Jurisdiction"/>.</summary>
    public IReadOnlyList<ReferenceItem> Treasuries { get; }

    /// <summary>
    /// The jurisdiction <paramref name="id"/> and every jurisdiction lying within it through <c>parent:</c> (R4: the city
    /// level covers its districts, counties and zones); empty for an unknown id.
    /// </summary>
    public IReadOnlySet<string> JurisdictionsWithin(string id)
    {
        var within = new HashSet<string>(StringComparer.Ordinal);
        if (!Contains(JurisdictionsList, id))
        {
            return within;
        }

        within.Add(id);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var item in Jurisdictions)
            {
                if (item.Parent is { } parent && within.Contains(parent) && within.Add(item.Id))
                {
                    grew = true;
                }
            }
        }

        return within;
    }

    /// <summary>Whether <paramref name="id"/> is an id of list <paramref name="list"/>; false for an unknown list.</summary>
    public bool Contains(string list, string id) => _ids.TryGetValue(list, out var ids) && ids.Contains(id);
}
