namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Reads cases.</summary>
public interface ICaseStore
{
    /// <summary>Loads a case with its audit head.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case, or null when there is none.</returns>
    Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default);
}
