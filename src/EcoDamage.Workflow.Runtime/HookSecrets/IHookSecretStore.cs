namespace EcoDamage.Workflow.Runtime.HookSecrets;

/// <summary>The managed secrets of the inbound hook systems; several may be valid at once so that a system can change over.</summary>
public interface IHookSecretStore
{
    /// <summary>Stores a new secret.</summary>
    Task AddAsync(HookSecret secret, CancellationToken cancellationToken = default);

    /// <summary>The secrets of <paramref name="system"/> (revoked ones included), oldest first.</summary>
    Task<IReadOnlyList<HookSecret>> ListAsync(string system, CancellationToken cancellationToken = default);

    /// <summary>Marks the secret revoked at <paramref name="at"/>; false when <paramref name="system"/> has no such secret or it is already revoked.</summary>
    Task<bool> RevokeAsync(string system, string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
