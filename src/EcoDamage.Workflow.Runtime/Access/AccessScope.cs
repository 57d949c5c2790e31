namespace EcoDamage.Workflow.Runtime.Access;

/// <summary>
/// Which cases a caller reaches, in terms storage can filter on. Every restriction given must hold:
/// the case's jurisdiction is one of <see cref="Jurisdictions"/>; its handling or referring department is
/// <see cref="Department"/>; the case grants <see cref="Party"/>. <see cref="Everything"/> has none;
/// <see cref="Nothing"/> reaches no case.
/// </summary>
public sealed record AccessScope
{
    /// <summary>Every case (the auditor, the engine itself).</summary>
    public static AccessScope Everything { get; } = new();

    /// <summary>No case at all.</summary>
    public static AccessScope Nothing { get; } = new() { None = true };

    /// <summary>True when the scope reaches no case.</summary>
    public bool None { get; init; }

    /// <summary>The jurisdictions reached (the caller's and those within it), or null for any.</summary>
    public IReadOnlySet<string>? Jurisdictions { get; init; }

    /// <summary>The department whose handled or referred cases are reached, or null for any department.</summary>
    public string? Department { get; init; }

    /// <summary>The party id or participant account the case must grant, or null.</summary>
    public string? Party { get; init; }

    /// <summary>Whether <paramref name="owner"/>'s case is within this scope.</summary>
    public bool Covers(CaseOwnership owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (None)
        {
            return false;
        }

        if (Jurisdictions is not null && (owner.Jurisdiction is null || !Jurisdictions.Contains(owner.Jurisdiction)))
        {
            return false;
        }

        if (Department is not null
            && !string.Equals(owner.Department, Department, StringComparison.Ordinal)
            && !string.Equals(owner.ReferringDepartment, Department, StringComparison.Ordinal))
        {
            return false;
        }

        return Party is null || owner.Parties.Contains(Party, StringComparer.Ordinal);
    }
}
