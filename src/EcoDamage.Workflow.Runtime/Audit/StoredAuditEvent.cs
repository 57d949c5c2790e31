namespace EcoDamage.Workflow.Runtime.Audit;

/// <summary>An audit event as read back from storage: its columns and the canonical payload stored beside them.</summary>
/// <param name="Event">The event rebuilt from its columns.</param>
/// <param name="Payload">The canonical form written when the event was appended.</param>
public sealed record StoredAuditEvent(AuditEvent Event, string Payload);
