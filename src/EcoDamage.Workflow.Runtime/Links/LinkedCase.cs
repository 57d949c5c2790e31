using NodaTime;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>A link as one of its two cases sees it.</summary>
/// <param name="CaseId">The other case.</param>
/// <param name="Kind">The kind seen from this side (<see cref="CaseLinkKinds.All"/>): the original sees <c>splitInto</c>, <c>supplementedBy</c>.</param>
/// <param name="At">When the link was made.</param>
/// <param name="Actor">Who made it.</param>
/// <param name="Note">Why, when given.</param>
public sealed record LinkedCase(string CaseId, string Kind, Instant At, string Actor, string? Note);
