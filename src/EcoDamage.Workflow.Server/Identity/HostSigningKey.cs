using System.Security.Cryptography;
using System.Text;
using EcoDamage.Workflow.Runtime.Accounts;
using EcoDamage.Workflow.Runtime.Security;
using EcoDamage.Workflow.Server.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// The HS256 key of the bearer tokens this host issues (and accepts on <see cref="JwtPeopleTokens.BearerScheme"/>):
/// <c>Security:Jwt:SigningKey</c> when set (a deployment that rotates keys from its secret store), otherwise 256 random
/// bits generated once and kept in the database protected by Data Protection (<c>HostKeys</c>), so every node of a
/// cluster signs and verifies with the same key without an operator handling one. Loaded once, before use.
/// </summary>
internal sealed class HostSigningKey(IOptions<JwtPeopleTokenOptions> settings, IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    /// <summary>The name of the generated key in the host key store.</summary>
    public const string KeyName = "jwt-signing-key";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SymmetricSecurityKey? _key;

    /// <summary>The key; null until <see cref="EnsureAsync"/> completed once.</summary>
    public SymmetricSecurityKey? Current => _key;

    /// <summary>Loads (or generates and stores) the key, once.</summary>
    public async Task<SymmetricSecurityKey> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_key is { } key)
        {
            return key;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _key ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the loading gate.</summary>
    public void Dispose() => _gate.Dispose();

    private async Task<SymmetricSecurityKey> LoadAsync(CancellationToken cancellationToken)
    {
        if (settings.Value.Enabled)
        {
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.Value.SigningKey!));
        }

        await using var scope = scopes.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<ISecretProtector>();
        var store = scope.ServiceProvider.GetRequiredService<IHostKeyStore>();
        var candidate = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var stored = await store.GetOrAddAsync(KeyName, candidate, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new SymmetricSecurityKey(Convert.FromBase64String(protector.Unprotect(stored)));
    }
}
