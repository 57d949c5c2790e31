namespace EcoDamage.Workflow.Storage.Cases;

/// <summary>The columns that tell whether a cached case is the stored one.</summary>
internal sealed record CaseHeader(long Version, long AuditSequence, string AuditHead);
