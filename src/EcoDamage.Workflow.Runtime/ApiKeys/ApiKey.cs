namespace EcoDamage.Workflow.Runtime.ApiKeys;

/// <summary>
/// A managed API key as stored: who it stands for and the SHA-256 of its secret, never the secret itself. A key is
/// presented as <c>edk_{Id}_{secret}</c>; the id finds the record, the hashes are compared in fixed time.
/// </summary>
/// <param name="Id">The key id (the public part of the presented key).</param>
/// <param name="Name">A name for people (e.g. <c>court case system, production</c>).</param>
/// <param name="System">The actor id recorded in the audit trail (the calling system).</param>
/// <param name="Role">The workflow role (an id of <c>roles.yaml</c>).</param>
/// <param name="Department">The department (an id of the reference data), or null.</param>
/// <param name="Jurisdiction">The jurisdiction (an id of the reference data), or null.</param>
/// <param name="Party">The party of a case the system acts as, or null.</param>
/// <param name="SecretHash">SHA-256 of the current secret.</param>
/// <param name="PreviousSecretHash">SHA-256 of the secret a rotation replaced, valid until <paramref name="PreviousValidUntil"/>; null when none.</param>
/// <param name="PreviousValidUntil">When the previous secret stops being accepted.</param>
/// <param name="ExpiresAt">When the key stops being accepted.</param>
/// <param name="RevokedAt">When the key was revoked (refused from then on), or null.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="UpdatedAt">When it last changed (creation, rotation, revocation).</param>
public sealed record ApiKey(
    string Id,
    string Name,
    string System,
    string Role,
    string? Department,
    string? Jurisdiction,
    string? Party,
    byte[] SecretHash,
    byte[]? PreviousSecretHash,
    DateTimeOffset? PreviousValidUntil,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt);
