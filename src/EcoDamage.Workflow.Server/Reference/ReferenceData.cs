namespace EcoDamage.Workflow.Server.Reference;

/// <summary>The seed's departments (R1–R3) and jurisdictions (R4), from <c>workflows/reference/organisation.yaml</c>.</summary>
/// <param name="Departments">Departments that handle or support claims.</param>
/// <param name="Jurisdictions">Districts, counties and zones a case can belong to.</param>
/// <param name="Treasuries">Treasuries payments go into (R27), each with the jurisdiction it serves.</param>
internal sealed record ReferenceData(IReadOnlyList<ReferenceEntry> Departments, IReadOnlyList<ReferenceEntry> Jurisdictions, IReadOnlyList<ReferenceEntry> Treasuries)
{
    /// <summary>No reference data (the file is optional).</summary>
    public static ReferenceData Empty { get; } = new([], [], []);
}
