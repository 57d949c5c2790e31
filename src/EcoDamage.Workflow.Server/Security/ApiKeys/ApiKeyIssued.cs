namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>A key just created or rotated: the only answer that carries it. Store it now; it cannot be read again.</summary>
/// <param name="Key">The key to send in <c>X-Api-Key</c>: <c>edk_{id}_{secret}</c>.</param>
/// <param name="ApiKey">The key's record.</param>
internal sealed record ApiKeyIssued(string Key, ApiKeyView ApiKey);
