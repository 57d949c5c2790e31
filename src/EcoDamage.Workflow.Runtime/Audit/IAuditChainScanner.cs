namespace EcoDamage.Workflow.Runtime.Audit;

/// <summary>
/// Verifies stored audit chains (the CLI's <c>verify-audit</c>, the Server's verification endpoint): besides
/// <see cref="AuditChainVerifier"/>'s link checks, the last stored event must be the chain head the case row records,
/// so events removed from the end are found too. Implemented by the store.
/// </summary>
public interface IAuditChainScanner
{
    /// <summary>Verifies one case's chain.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report, or null when no case has this id.</returns>
    Task<AuditChainReport?> VerifyCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Verifies every case's chain, in case-id order, a page of cases at a time (one case's trail in memory at once).</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One report per case.</returns>
    IAsyncEnumerable<AuditChainReport> VerifyAllAsync(CancellationToken cancellationToken = default);
}
