namespace EcoDamage.Workflow.Runtime.Audit;

/// <summary>The outcome of verifying a case's audit chain.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="EventsChecked">Events read.</param>
/// <param name="FirstBrokenSequence">The sequence of the first event whose link is broken, or null when intact.</param>
/// <param name="Reason">Why that link is broken.</param>
public sealed record AuditChainReport(string CaseId, int EventsChecked, long? FirstBrokenSequence, string? Reason)
{
    /// <summary>True when every event links to its predecessor and hashes to its stored hash.</summary>
    public bool IsIntact => FirstBrokenSequence is null;
}
