using System.Collections.Concurrent;
using EcoDamage.Workflow.Runtime.ApiKeys;

namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>
/// Managed keys by id, each kept for <see cref="Lifetime"/> (measured with the host's <see cref="TimeProvider"/>)
/// so that most requests do not reach the database. A change made on this node drops its entry at once
/// (<see cref="Forget"/>); another node sees it within <see cref="Lifetime"/>. Unknown ids are not cached, and the
/// cache is emptied when it grows past <see cref="MaxEntries"/>, so random ids cannot fill memory.
/// </summary>
internal sealed class ApiKeyCache(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long a loaded key is trusted before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset LoadedAt)> _keys = new(StringComparer.Ordinal);

    /// <summary>The key of <paramref name="id"/> (from the cache while fresh), or null when there is none.</summary>
    public async Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_keys.TryGetValue(id, out var cached) && now - cached.LoadedAt < Lifetime && now >= cached.LoadedAt)
        {
            return cached.Key;
        }

        await using var scope = scopes.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<IApiKeyStore>().GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            _keys.TryRemove(id, out _);
            return null;
        }

        if (_keys.Count >= MaxEntries)
        {
            _keys.Clear();
        }

        _keys[id] = (key, now);
        return key;
    }

    /// <summary>Drops the entry of <paramref name="id"/>, so that a rotation or revocation on this node takes effect at once.</summary>
    public void Forget(string id) => _keys.TryRemove(id, out _);
}
