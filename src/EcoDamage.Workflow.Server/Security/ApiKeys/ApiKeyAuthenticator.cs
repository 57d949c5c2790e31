using System.Security.Cryptography;
using System.Text;
using EcoDamage.Workflow.Engine.Definitions;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>
/// Checks a presented API key: first against the configured keys of <c>Security:ApiKeys</c> (by SHA-256, in fixed
/// time), then, for a key of the managed form <c>edk_{id}_{secret}</c>, against the stored key of that id: not revoked,
/// not expired, and its current secret, or the previous one until the end of a rotation's overlap. A key whose
/// system or role is empty, or whose role is the engine's own, is refused too (an undeclared role is the caller gate's 403).
/// </summary>
internal sealed class ApiKeyAuthenticator(
    IOptionsMonitor<ApiKeyOptions> options, ApiKeyCache cache, TimeProvider time, ILogger<ApiKeyAuthenticator> logger)
{
    /// <summary>The identity the key stands for, or null (the reason is logged, never the key).</summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var identity = Configured(presented) ?? await ManagedAsync(presented, cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            return null;
        }

        // A role roles.yaml does not declare is answered 403 by the caller gate, like any credential's; no key acts as the engine.
        if (string.IsNullOrWhiteSpace(identity.System) || string.IsNullOrWhiteSpace(identity.Role) || identity.Role == RoleCatalog.System)
        {
            Log.KeyRefused(logger, identity.KeyId ?? identity.System, "its system or role is empty, or it names the engine's own role");
            return null;
        }

        return identity;
    }

    /// <summary>The stored SHA-256 of a configured entry: its <c>KeyHash</c> (hex) or the hash of its <c>Key</c>; null when neither is usable.</summary>
    public static byte[]? HashOf(ApiKeyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!string.IsNullOrWhiteSpace(entry.KeyHash))
        {
            return entry.KeyHash.Length == 64 && entry.KeyHash.All(char.IsAsciiHexDigit) ? Convert.FromHexString(entry.KeyHash) : null;
        }

        return string.IsNullOrEmpty(entry.Key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(entry.Key));
    }

    private ApiKeyIdentity? Configured(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyEntry? match = null;
        foreach (var entry in options.Get(ApiKeyAuthenticationHandler.SchemeName).Keys.Values)
        {
            if (HashOf(entry) is { } stored && CryptographicOperations.FixedTimeEquals(hash, stored))
            {
                match = entry;
            }
        }

        return match is null ? null : new ApiKeyIdentity(null, match.System, match.Role, NonEmpty(match.Department), NonEmpty(match.Jurisdiction), NonEmpty(match.Party));
    }

    private async Task<ApiKeyIdentity?> ManagedAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.TryParse(presented, out var id, out var secret))
        {
            return null;
        }

        var key = await cache.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            Log.KeyRefused(logger, id, "no such key");
            return null;
        }

        var now = time.GetUtcNow();
        if (key.RevokedAt is not null)
        {
            Log.KeyRefused(logger, id, "revoked");
            return null;
        }

        if (now >= key.ExpiresAt)
        {
            Log.KeyRefused(logger, id, "expired");
            return null;
        }

        var hash = ApiKeyFormat.Hash(secret);
        var current = CryptographicOperations.FixedTimeEquals(hash, key.SecretHash);
        var previous = key.PreviousSecretHash is { } old && key.PreviousValidUntil is { } until && now < until
            && CryptographicOperations.FixedTimeEquals(hash, old);
        if (!current && !previous)
        {
            Log.KeyRefused(logger, id, "the secret does not match (or was rotated out)");
            return null;
        }

        return new ApiKeyIdentity(key.Id, key.System, key.Role, key.Department, key.Jurisdiction, key.Party);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
