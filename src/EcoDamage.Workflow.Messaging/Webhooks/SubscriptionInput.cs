namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>What a caller sets on a subscription (create or update).</summary>
/// <param name="Url">The absolute http(s) target.</param>
/// <param name="EventTypes">Event-name patterns (<c>case.opened</c>, <c>case.*</c>, <c>*</c>).</param>
/// <param name="Department">Only cases of this department (optional).</param>
/// <param name="Jurisdiction">Only cases of this jurisdiction (optional).</param>
/// <param name="DefinitionId">Only cases of this definition (optional).</param>
/// <param name="Secret">A <c>whsec_</c> secret, or null to generate one (create) / keep it (update).</param>
/// <param name="Description">A note for operators.</param>
public sealed record SubscriptionInput(
    string? Url, IReadOnlyList<string>? EventTypes, string? Department, string? Jurisdiction, string? DefinitionId, string? Secret, string? Description);
