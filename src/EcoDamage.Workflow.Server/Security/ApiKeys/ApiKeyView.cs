using EcoDamage.Workflow.Runtime.ApiKeys;

namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>A managed API key as administrators see it: never its secret.</summary>
/// <param name="Id">The key id (the part after <c>edk_</c>).</param>
/// <param name="Name">The name.</param>
/// <param name="System">The actor id.</param>
/// <param name="Role">The role.</param>
/// <param name="Department">The department, or null.</param>
/// <param name="Jurisdiction">The jurisdiction, or null.</param>
/// <param name="Party">The party, or null.</param>
/// <param name="Status"><c>active</c>, <c>expired</c> or <c>revoked</c>.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="PreviousSecretValidUntil">When the secret a rotation replaced stops working, while it still works; else null.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record ApiKeyView(
    string Id, string Name, string System, string Role, string? Department, string? Jurisdiction, string? Party, string Status,
    DateTimeOffset ExpiresAt, DateTimeOffset? PreviousSecretValidUntil, DateTimeOffset? RevokedAt, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt)
{
    /// <summary>The view of <paramref name="key"/> at <paramref name="now"/>.</summary>
    public static ApiKeyView Of(ApiKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var status = key.RevokedAt is not null ? "revoked" : now >= key.ExpiresAt ? "expired" : "active";
        var previous = key.PreviousValidUntil is { } until && until > now && key.PreviousSecretHash is not null ? until : (DateTimeOffset?)null;
        return new ApiKeyView(key.Id, key.Name, key.System, key.Role, key.Department, key.Jurisdiction, key.Party, status,
            key.ExpiresAt, previous, key.RevokedAt, key.CreatedAt, key.CreatedBy, key.UpdatedAt);
    }
}
