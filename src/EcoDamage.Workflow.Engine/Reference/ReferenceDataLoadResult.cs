using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Reference;

/// <summary>The outcome of <see cref="ReferenceDataLoader"/>: the departments and jurisdictions, or every problem found.</summary>
public sealed class ReferenceDataLoadResult
{
    internal ReferenceDataLoadResult(IReadOnlyList<ReferenceItem> departments, IReadOnlyList<ReferenceItem> jurisdictions, IReadOnlyList<Problem> problems)
        : this(departments, jurisdictions, [], problems)
    {
    }

    internal ReferenceDataLoadResult(
        IReadOnlyList<ReferenceItem> departments, IReadOnlyList<ReferenceItem> jurisdictions, IReadOnlyList<ReferenceItem> treasuries, IReadOnlyList<Problem> problems)
    {
        Problems = problems;
        Departments = problems.Count == 0 ? departments : [];
        Jurisdictions = problems.Count == 0 ? jurisdictions : [];
        Treasuries = problems.Count == 0 ? treasuries : [];
    }

    /// <summary>Departments that handle or support claims (R1–R3), in file order; empty when there are problems.</summary>
    public IReadOnlyList<ReferenceItem> Departments { get; }

    /// <summary>Districts, counties and zones a case can belong to (R4), in file order; empty when there are problems.</summary>
    public IReadOnlyList<ReferenceItem> Jurisdictions { get; }

    /// <summary>Treasuries payments go into (R27), each with its jurisdiction, in file order; empty when there are problems or none are listed.</summary>
    public IReadOnlyList<ReferenceItem> Treasuries { get; }

    /// <summary>The three lists as the catalog's <see cref="ReferenceData"/>.</summary>
    public ReferenceData Data => new(Departments, Jurisdictions, Treasuries);

    /// <summary>Every problem found, in file order; empty on success.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>Whether the file loaded without problems.</summary>
    public bool Succeeded => Problems.Count == 0;
}
