using NodaTime;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>An active deadline with the listing columns of its case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Key">The deadline's key within the case.</param>
/// <param name="DefinitionId">Definition that declares it.</param>
/// <param name="DeadlineId">Deadline id in that definition.</param>
/// <param name="State">The state it guards.</param>
/// <param name="Due">When it falls due.</param>
/// <param name="Status"><c>Open</c>, or <c>Overdue</c> once its overdue action was taken.</param>
/// <param name="NextEventAt">The next reminder or overdue instant, if any is still to come.</param>
/// <param name="IsOverdue">Whether <paramref name="Due"/> has passed.</param>
/// <param name="Department">The case's handling department.</param>
/// <param name="Jurisdiction">The case's jurisdiction.</param>
public sealed record DeadlineListing(
    string CaseId,
    string Key,
    string DefinitionId,
    string DeadlineId,
    string State,
    Instant Due,
    string Status,
    Instant? NextEventAt,
    bool IsOverdue,
    string? Department,
    string? Jurisdiction);
