namespace EcoDamage.Workflow.Runtime.HookSecrets;

/// <summary>A managed signing secret of an inbound hook system, stored encrypted (<see cref="Security.ISecretProtector"/>).</summary>
/// <param name="Id">The secret's id.</param>
/// <param name="System">The inbound system's name (<c>Hooks:Inbound:Systems:{name}</c>).</param>
/// <param name="ProtectedSecret">The protected form of the <c>whsec_</c> secret.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="RevokedAt">When it was revoked (refused from then on), or null.</param>
public sealed record HookSecret(string Id, string System, string ProtectedSecret, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);
