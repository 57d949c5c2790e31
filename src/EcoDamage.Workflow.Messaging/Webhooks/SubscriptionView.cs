namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>A subscription as the API shows it (never with its secret, except once on creation).</summary>
/// <param name="Id">The id.</param>
/// <param name="Url">The target.</param>
/// <param name="EventTypes">The patterns.</param>
/// <param name="Department">Department filter.</param>
/// <param name="Jurisdiction">Jurisdiction filter.</param>
/// <param name="DefinitionId">Definition filter.</param>
/// <param name="Description">Operator note.</param>
/// <param name="Status"><c>Active</c>, <c>Paused</c> or <c>Disabled</c>.</param>
/// <param name="StatusReason">Why it was disabled.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Secret">The secret: only in the answer to the creation.</param>
public sealed record SubscriptionView(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Department, string? Jurisdiction, string? DefinitionId, string? Description,
    string Status, string? StatusReason, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Secret = null);
