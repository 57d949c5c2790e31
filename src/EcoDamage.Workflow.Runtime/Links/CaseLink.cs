using NodaTime;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>A stored link between two cases, written in the same transaction as the command that made it.</summary>
/// <param name="FromCaseId">The dependent case (the split case, the supplementary claim, or either side of a related link).</param>
/// <param name="ToCaseId">The original case.</param>
/// <param name="Kind">A stored kind (<see cref="CaseLinkKinds.Stored"/>).</param>
/// <param name="At">When it was made.</param>
/// <param name="Actor">Who made it (actor id).</param>
/// <param name="Note">Why, when given (a supplementary claim's description of the newly found damage).</param>
public sealed record CaseLink(string FromCaseId, string ToCaseId, string Kind, Instant At, string Actor, string? Note = null)
{
    /// <summary>The link as <paramref name="caseId"/> sees it: the other case and the kind from this side.</summary>
    /// <param name="caseId">One of the two cases.</param>
    /// <returns>The other case with the kind seen from <paramref name="caseId"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="caseId"/> is neither side.</exception>
    public LinkedCase SeenFrom(string caseId) =>
        string.Equals(caseId, FromCaseId, StringComparison.Ordinal) ? new LinkedCase(ToCaseId, Kind, At, Actor, Note)
        : string.Equals(caseId, ToCaseId, StringComparison.Ordinal) ? new LinkedCase(FromCaseId, CaseLinkKinds.Inverse(Kind), At, Actor, Note)
        : throw new ArgumentException($"case '{caseId}' is not a side of the link", nameof(caseId));
}
