using NodaTime;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>One event of the administration trail, chained to the one before it (<see cref="AdministrationHasher"/>).</summary>
/// <param name="Sequence">1 for the first event, one more for each next.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Role">In which role.</param>
/// <param name="Kind">What (<see cref="AdministrationKinds"/>).</param>
/// <param name="Subject">To what.</param>
/// <param name="Detail">JSON object with the particulars.</param>
/// <param name="PreviousHash">The preceding event's hash (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 of this event's canonical form.</param>
public sealed record AdministrationEvent(
    long Sequence, Instant At, string Actor, string Role, string Kind, string Subject, string Detail, string PreviousHash, string Hash);
