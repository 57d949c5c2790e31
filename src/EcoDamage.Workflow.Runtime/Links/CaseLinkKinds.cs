namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>
/// The kinds of link between two cases. A link is stored once, from the case that depends on the other (the split or
/// the supplementary claim) to the original, and read from either side: the original sees the inverse kind.
/// </summary>
public static class CaseLinkKinds
{
    /// <summary>A case for one obligor, split from the case of the clue that named several (stored kind; seen from the original as <see cref="SplitInto"/>).</summary>
    public const string SplitFrom = "splitFrom";

    /// <summary>A case split from this one (how the original sees <see cref="SplitFrom"/>).</summary>
    public const string SplitInto = "splitInto";

    /// <summary>A later claim for newly found damage, supplementary to the original (stored kind; seen from the original as <see cref="SupplementedBy"/>).</summary>
    public const string SupplementaryTo = "supplementaryTo";

    /// <summary>A supplementary claim made after this one (how the original sees <see cref="SupplementaryTo"/>).</summary>
    public const string SupplementedBy = "supplementedBy";

    /// <summary>Related cases (symmetric: both sides see <see cref="Related"/>).</summary>
    public const string Related = "related";

    /// <summary>The kinds a link is stored with.</summary>
    public static IReadOnlyList<string> Stored { get; } = [SplitFrom, SupplementaryTo, Related];

    /// <summary>Every kind a link can be seen as, stored and inverse.</summary>
    public static IReadOnlyList<string> All { get; } = [SplitFrom, SplitInto, SupplementaryTo, SupplementedBy, Related];

    /// <summary>How the case a link points to sees a link of <paramref name="kind"/>.</summary>
    /// <param name="kind">A stored kind.</param>
    /// <returns>The inverse kind (<see cref="Related"/> is its own inverse).</returns>
    /// <exception cref="ArgumentException">Not a stored kind.</exception>
    public static string Inverse(string kind) => kind switch
    {
        SplitFrom => SplitInto,
        SupplementaryTo => SupplementedBy,
        Related => Related,
        _ => throw new ArgumentException($"'{kind}' is not a stored link kind", nameof(kind)),
    };
}
