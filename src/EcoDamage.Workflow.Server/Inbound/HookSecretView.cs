using EcoDamage.Workflow.Runtime.HookSecrets;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>A managed inbound hook secret as administrators see it: never the secret.</summary>
/// <param name="Id">The secret's id.</param>
/// <param name="System">The inbound system's name.</param>
/// <param name="Status"><c>active</c> or <c>revoked</c>.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
internal sealed record HookSecretView(string Id, string System, string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    /// <summary>The view of <paramref name="secret"/>.</summary>
    public static HookSecretView Of(HookSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new HookSecretView(secret.Id, secret.System, secret.RevokedAt is null ? "active" : "revoked", secret.CreatedAt, secret.CreatedBy, secret.RevokedAt);
    }
}
