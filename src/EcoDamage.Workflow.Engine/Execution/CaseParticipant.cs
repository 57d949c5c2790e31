using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A participant of a case (R34): a person, their role in the case and organisation, and who recorded them.</summary>
/// <param name="Id">Participant id.</param>
/// <param name="Name">The person's name.</param>
/// <param name="Role">Their role in the case (e.g. <c>expert</c>, <c>publicRepresentative</c>).</param>
/// <param name="Organisation">Their organisation, when given.</param>
/// <param name="AddedAt">When recorded.</param>
/// <param name="AddedBy">Actor id that recorded them.</param>
/// <param name="AddedByRole">That actor's role.</param>
/// <param name="AddedByDepartment">That actor's department, when known.</param>
public sealed record CaseParticipant(
    Guid Id,
    string Name,
    string Role,
    string? Organisation,
    Instant AddedAt,
    string AddedBy,
    string AddedByRole,
    string? AddedByDepartment)
{
    /// <summary>
    /// The account (a person's sign-in or a system's party id) the participant acts with, granted access to the case
    /// as a party-scoped role (issue 13: an appraisal institution or expert sees only the cases it takes part in); null when none.
    /// </summary>
    public string? Account { get; init; }
}
