namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Whether the case database answers (for readiness checks). Implemented by the store.</summary>
public interface IStorageHealth
{
    /// <summary>Opens a connection to the case database and reports whether it answered.</summary>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>True when the database accepted a connection.</returns>
    Task<bool> CanConnectAsync(CancellationToken cancellationToken = default);
}
