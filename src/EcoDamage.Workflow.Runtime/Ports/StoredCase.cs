using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>A case as loaded from storage, with the head of its audit chain.</summary>
/// <param name="Case">The case snapshot (its <see cref="CaseInstance.Version"/> is the stored version).</param>
/// <param name="AuditSequence">Sequence of the last audit event.</param>
/// <param name="AuditHead">Hash of the last audit event.</param>
public sealed record StoredCase(CaseInstance Case, long AuditSequence, string AuditHead);
