using EcoDamage.Workflow.Runtime.Audit;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Reads a case's audit events.</summary>
public interface IAuditTrail
{
    /// <summary>Reads every event of a case in sequence order, with its stored payload.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, oldest first.</returns>
    Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(string caseId, CancellationToken cancellationToken = default);
}
