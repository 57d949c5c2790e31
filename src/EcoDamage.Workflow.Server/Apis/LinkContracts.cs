using System.Text.Json.Serialization;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A link as a case view lists it: the other case and the kind seen from this one.</summary>
/// <param name="CaseId">The other case.</param>
/// <param name="Kind"><c>splitFrom</c>, <c>splitInto</c>, <c>supplementaryTo</c>, <c>supplementedBy</c> or <c>related</c>.</param>
internal sealed record CaseLinkRef(string CaseId, string Kind);

/// <summary>A link of a case in full, seen from it.</summary>
/// <param name="CaseId">The other case.</param>
/// <param name="Kind">The kind seen from this case.</param>
/// <param name="At">When it was made.</param>
/// <param name="Actor">Who made it.</param>
/// <param name="Note">Why (a supplementary claim's description of the newly found damage), when given.</param>
internal sealed record CaseLinkView(string CaseId, string Kind, DateTimeOffset At, string Actor, string? Note);

/// <summary>A split of a clue into a case per obligor.</summary>
/// <param name="Obligors">One entry per obligor (1 to 50).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SplitRequest(SplitObligorRequest[]? Obligors);

/// <summary>One obligor of a split.</summary>
/// <param name="Name">The obligor's name (赔偿义务人).</param>
/// <param name="Organisation">Their organisation.</param>
/// <param name="CaseId">The new case's id (generated when absent).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SplitObligorRequest(string? Name, string? Organisation = null, string? CaseId = null);

/// <summary>The cases a split started and their links, seen from the original.</summary>
/// <param name="CaseId">The original case.</param>
/// <param name="Cases">The new cases, one per obligor, in the request's order.</param>
/// <param name="Links">The links (<c>splitInto</c> from the original).</param>
internal sealed record SplitView(string CaseId, IReadOnlyList<SplitCaseView> Cases, IReadOnlyList<CaseLinkView> Links);

/// <summary>A case started by a split.</summary>
/// <param name="CaseId">The new case.</param>
/// <param name="Obligor">Its obligor's name.</param>
/// <param name="Organisation">Its obligor's organisation.</param>
internal sealed record SplitCaseView(string CaseId, string Obligor, string? Organisation);

/// <summary>A link to make from this case to another existing case.</summary>
/// <param name="CaseId">The other case.</param>
/// <param name="Kind"><c>supplementaryTo</c> (this case is a later claim for newly found damage), <c>supplementedBy</c> (the inverse) or <c>related</c>.</param>
/// <param name="Note">Why.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record LinkRequest(string? CaseId, string? Kind, string? Note = null);

/// <summary>A later claim for newly found damage.</summary>
/// <param name="CaseId">The new case's id (generated when absent).</param>
/// <param name="Description">The newly found damage (kept as the link's note).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SupplementaryClaimRequest(string? CaseId = null, string? Description = null);
