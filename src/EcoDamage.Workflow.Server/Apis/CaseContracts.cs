using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A clue to register (线索登记): starts a claim case.</summary>
/// <param name="Channel">How the clue came in (an enum id of the claim's <c>channel</c> field).</param>
/// <param name="Domain">The damage domain (routes the case to its department).</param>
/// <param name="Jurisdiction">County, district or development zone.</param>
/// <param name="Description">What was reported.</param>
/// <param name="SourceReference">The embedding system's own reference.</param>
/// <param name="CaseId">The case id to use, or null to have one generated.</param>
/// <param name="InformantName">The informant of a complaint or report (R5), personal data, or null.</param>
/// <param name="InformantContact">The informant's contact, personal data, or null.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ClueRequest(string? Channel, string? Domain, string? Jurisdiction, string? Description = null, string? SourceReference = null, string? CaseId = null,
    string? InformantName = null, string? InformantContact = null);

/// <summary>A trigger's data: field → value (strings for enums and <c>yyyy-MM-dd</c> dates).</summary>
/// <param name="Data">The values, or null for none.</param>
/// <param name="Branch">The branch of a multi-instance call to fire in (<c>phases/2</c>), or null.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record TriggerRequest(Dictionary<string, JsonElement>? Data = null, string? Branch = null);

/// <summary>A referral of a clue to another department (移送).</summary>
/// <param name="ReferredTo">The receiving department.</param>
/// <param name="ReferralReason">Why.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ReferralRequest(string? ReferredTo, string? ReferralReason);

/// <summary>A participant to record on a case (R34).</summary>
/// <param name="Name">The person's name.</param>
/// <param name="Role">Their role in the case.</param>
/// <param name="Organisation">Their organisation.</param>
/// <param name="Account">The account the participant signs in or calls with (a party-scoped role then sees the case), or null.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ParticipantRequest(string? Name, string? Role, string? Organisation = null, string? Account = null);

/// <summary>A case as the API shows it to one caller.</summary>
internal sealed record CaseView(
    string Id,
    long Version,
    DefinitionRef Definition,
    IReadOnlyList<string> States,
    IReadOnlyDictionary<string, object?> Data,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<TriggerView> PermittedTriggers,
    IReadOnlyList<string> Supervision,
    IReadOnlyList<ParticipantView> Participants,
    LedgerView Ledger,
    IReadOnlyList<PartyView> Parties)
{
    /// <summary>The case's links, seen from it (<c>splitFrom</c>/<c>splitInto</c>, <c>supplementaryTo</c>/<c>supplementedBy</c>, <c>related</c>).</summary>
    public IReadOnlyList<CaseLinkRef> Links { get; init; } = [];

    /// <summary>Running branches of a multi-instance call (e.g. one repair per phase), each with its states, data, deadlines and triggers.</summary>
    public IReadOnlyList<BranchView> Branches { get; init; } = [];

    /// <summary>Schedules recorded on the case (instalment plans, labour sessions); empty when none.</summary>
    public IReadOnlyList<ScheduleView> Schedules { get; init; } = [];
}

/// <summary>The definition version a case is pinned to.</summary>
internal sealed record DefinitionRef(string Id, string Version);

/// <summary>An attached document (the latest of its type).</summary>
internal sealed record DocumentView(string Type, string ServedOn, string? Reference, DateTimeOffset AttachedAt);

/// <summary>An open deadline.</summary>
internal sealed record DeadlineView(string Key, string Id, string State, DateTimeOffset Due, string LastDay, bool Provisional, string Status, IReadOnlyList<ReminderView> Reminders);

/// <summary>A reminder of a deadline.</summary>
internal sealed record ReminderView(string Offset, DateTimeOffset At, bool Sent);

/// <summary>A trigger the caller's role may fire now.</summary>
internal sealed record TriggerView(string Id, string Zh, string En);

/// <summary>A recorded participant.</summary>
internal sealed record ParticipantView(Guid Id, string Name, string Role, string? Organisation, DateTimeOffset AddedAt, string AddedBy);

/// <summary>A case in a listing.</summary>
internal sealed record CaseSummary(string Id, long Version, DefinitionRef Definition, IReadOnlyList<string> States, string? Channel, string? Domain, string? Jurisdiction, string? Department, DateTimeOffset? NextDue);

/// <summary>One page of a listing.</summary>
internal sealed record CaseListView(IReadOnlyList<CaseSummary> Items, int Total, int Page, int PageSize);

/// <summary>One audit event.</summary>
internal sealed record AuditEventView(
    long Sequence, DateTimeOffset At, string Kind, string ActorId, string Role, string? Department, string Trigger,
    string FromState, string ToState, JsonElement DataDiff, string DefinitionKey, long CaseVersion, string PreviousHash, string Hash);

/// <summary>The result of verifying a case's audit chain.</summary>
internal sealed record AuditVerificationView(bool Intact, int Events, long? FirstBroken, string? Reason);
