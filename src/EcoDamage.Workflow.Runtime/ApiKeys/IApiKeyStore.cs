namespace EcoDamage.Workflow.Runtime.ApiKeys;

/// <summary>The managed API keys; each change is stored with its <see cref="ApiKeyEvent"/> in the security event log, in one transaction.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key and its <c>created</c> event.</summary>
    Task AddAsync(ApiKey key, ApiKeyEvent change, CancellationToken cancellationToken = default);

    /// <summary>The key of <paramref name="id"/>, or null.</summary>
    Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every key, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored key (by id) and records <paramref name="change"/>; false when there is no such key.</summary>
    Task<bool> UpdateAsync(ApiKey key, ApiKeyEvent change, CancellationToken cancellationToken = default);

    /// <summary>Records a change that is not a key's (an inbound hook secret's).</summary>
    Task RecordAsync(ApiKeyEvent change, CancellationToken cancellationToken = default);

    /// <summary>The events of <paramref name="keyId"/>, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyEvent>> EventsAsync(string keyId, CancellationToken cancellationToken = default);
}
