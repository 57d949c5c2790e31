using System.Text.Json;
using System.Text.Json.Serialization;
using EcoDamage.Workflow.Runtime.Deadlines;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A request to extend a deadline (申请延长期限): a further period or a new last day, and why.</summary>
/// <param name="Deadline">The deadline's key (<c>claim/preliminaryCheck#1</c>), as the case view lists it.</param>
/// <param name="Period">A further period counted from the current last day: <c>15d</c>, <c>10wd</c> or <c>1m</c>.</param>
/// <param name="LastDay">A new last day, <c>yyyy-MM-dd</c>, instead of a period.</param>
/// <param name="Reason">Why the extension is needed.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ExtensionRequestBody(string? Deadline, string? Period = null, string? LastDay = null, string? Reason = null);

/// <summary>Approval of a deadline's pending extension (批准延长期限).</summary>
/// <param name="Deadline">The deadline's key.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ExtensionApprovalBody(string? Deadline);

/// <summary>An active deadline of a case, with the case's department and jurisdiction.</summary>
internal sealed record DeadlineItem(
    string CaseId, string Key, string DefinitionId, string DeadlineId, string State, DateTimeOffset Due, string Status,
    DateTimeOffset? NextEventAt, bool Overdue, string? Department, string? Jurisdiction)
{
    public static DeadlineItem From(DeadlineListing d) => new(
        d.CaseId, d.Key, d.DefinitionId, d.DeadlineId, d.State, d.Due.ToDateTimeOffset(), d.Status,
        d.NextEventAt?.ToDateTimeOffset(), d.IsOverdue, d.Department, d.Jurisdiction);
}

/// <summary>A page of active deadlines, soonest due first.</summary>
internal sealed record DeadlineListView(IReadOnlyList<DeadlineItem> Deadlines, int Total, int Page, int PageSize);

/// <summary>A reminder or escalation from the audit trail.</summary>
internal sealed record DeadlineFeedItem(
    string CaseId, long Sequence, DateTimeOffset At, string Kind, string Deadline, string State, string? Department, string? Jurisdiction, JsonElement Details);

/// <summary>A feed of reminders (for a department) or escalations (to a role), newest first.</summary>
internal sealed record DeadlineFeedView(IReadOnlyList<DeadlineFeedItem> Items);
