using System.Text.Json.Serialization;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A webhook subscription to create or replace.</summary>
/// <param name="Url">The absolute http(s) URL events are POSTed to.</param>
/// <param name="EventTypes">Event names or patterns: <c>case.opened</c>, <c>case.*</c>, <c>*</c> (see <c>GET /api/webhooks/event-types</c>).</param>
/// <param name="Filter">Only cases matching every field given.</param>
/// <param name="Secret">A Standard Webhooks secret (<c>whsec_</c> + base64 of 24–64 bytes); generated when absent on creation, kept when absent on update.</param>
/// <param name="Description">A note for operators.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SubscriptionRequest(string? Url, string[]? EventTypes, SubscriptionFilterRequest? Filter = null, string? Secret = null, string? Description = null);

/// <summary>Which cases a subscription hears about.</summary>
/// <param name="Department">The case's department (the routed or referred-to department).</param>
/// <param name="Jurisdiction">The case's jurisdiction.</param>
/// <param name="Definition">The case's definition id (<c>claim</c>, <c>consultation</c>, <c>repair</c>).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SubscriptionFilterRequest(string? Department = null, string? Jurisdiction = null, string? Definition = null);

/// <summary>A time range of events to deliver again.</summary>
/// <param name="From">Start (inclusive), ISO 8601 with offset.</param>
/// <param name="To">End (exclusive).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ReplayRangeRequest(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>How many deliveries a replay queued.</summary>
/// <param name="Queued">The count.</param>
internal sealed record ReplayResult(int Queued);
