using System.Collections.Concurrent;
using System.Security.Cryptography;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.HookSecrets;
using EcoDamage.Workflow.Runtime.Security;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>
/// The signing keys an inbound system may use at once: its configured <c>Secret</c>, its configured <c>Secrets</c>
/// (extra ones, for a change-over) and its managed, unrevoked secrets (decrypted with <see cref="ISecretProtector"/>).
/// The managed ones are read at most every 30 seconds per system; a change on this node takes effect at once (<see cref="Forget"/>).
/// </summary>
internal sealed class InboundHookSecrets(IServiceScopeFactory scopes, ISecretProtector protector, TimeProvider time, ILogger<InboundHookSecrets> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<byte[]> Keys, DateTimeOffset LoadedAt)> _managed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key that may have signed a hook of <paramref name="name"/>.</summary>
    public async Task<IReadOnlyList<byte[]>> KeysAsync(string name, InboundHookSystem configured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var keys = new List<byte[]>();
        foreach (var secret in configured.Secrets.Prepend(configured.Secret))
        {
            if (StandardWebhookSignature.TryDecodeSecret(secret, out var key))
            {
                keys.Add(key);
            }
        }

        keys.AddRange(await ManagedAsync(name, cancellationToken).ConfigureAwait(false));
        return keys;
    }

    /// <summary>Drops the cached managed keys of <paramref name="name"/>, after a change.</summary>
    public void Forget(string name) => _managed.TryRemove(name, out _);

    private async Task<IReadOnlyList<byte[]>> ManagedAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_managed.TryGetValue(name, out var cached) && now >= cached.LoadedAt && now - cached.LoadedAt < Lifetime)
        {
            return cached.Keys;
        }

        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IHookSecretStore>().ListAsync(name, cancellationToken).ConfigureAwait(false);
        var keys = new List<byte[]>();
        foreach (var secret in stored.Where(s => s.RevokedAt is null))
        {
            try
            {
                if (StandardWebhookSignature.TryDecodeSecret(protector.Unprotect(secret.ProtectedSecret), out var key))
                {
                    keys.Add(key);
                }
            }
            catch (CryptographicException)
            {
                // Protected under keys this host no longer has: the secret cannot sign anything here; say so, never what it was.
                Log.SecretUnreadable(logger, name, secret.Id);
            }
        }

        _managed[name] = (keys, now);
        return keys;
    }
}
