using EcoDamage.Workflow.Runtime.Access;

namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>A stored webhook subscription.</summary>
/// <param name="Id">The id.</param>
/// <param name="Url">The target.</param>
/// <param name="EventTypes">The event-name patterns.</param>
/// <param name="Department">Department filter.</param>
/// <param name="Jurisdiction">Jurisdiction filter.</param>
/// <param name="DefinitionId">Definition filter.</param>
/// <param name="Description">Operator note.</param>
/// <param name="Secret">The signing secret as stored: protected (encrypted) by the messaging layer, or a legacy plain <c>whsec_</c> secret.</param>
/// <param name="Status">A subscription <see cref="WebhookStatus"/>.</param>
/// <param name="StatusReason">Why it was disabled.</param>
/// <param name="CreatedBy">Who created it: its owner (the caller's subject).</param>
/// <param name="CreatedAt">When.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record WebhookSubscription(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Department, string? Jurisdiction, string? DefinitionId, string? Description,
    string Secret, string Status, string? StatusReason, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The cases its owner could read when it was created or last changed by the owner; it hears only of those.</summary>
    /// <value>Null for a subscription stored before scopes were recorded: it hears nothing until its owner saves it again.</value>
    public AccessScope? Scope { get; init; }
}
