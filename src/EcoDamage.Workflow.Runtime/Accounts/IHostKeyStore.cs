namespace EcoDamage.Workflow.Runtime.Accounts;

/// <summary>
/// Keys the host generates once and every node shares (the signing key of the bearer tokens it issues), stored
/// protected: the store keeps whatever (encrypted) text it is given.
/// </summary>
public interface IHostKeyStore
{
    /// <summary>
    /// The stored value of key <paramref name="name"/>; when there is none yet, stores <paramref name="candidate"/> and
    /// returns it. When two nodes race, both get the value that was stored first.
    /// </summary>
    /// <param name="name">The key's name.</param>
    /// <param name="candidate">The protected value to store when there is none.</param>
    /// <param name="at">When the candidate was made (stored with it).</param>
    /// <param name="cancellationToken">Cancels the read or write.</param>
    Task<string> GetOrAddAsync(string name, string candidate, DateTimeOffset at, CancellationToken cancellationToken = default);
}
