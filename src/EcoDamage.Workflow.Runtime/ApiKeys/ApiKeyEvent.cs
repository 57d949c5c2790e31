namespace EcoDamage.Workflow.Runtime.ApiKeys;

/// <summary>One change of a managed key or inbound hook secret (never the secret): who did what, when, from where.</summary>
/// <param name="KeyId">The API key id, or <c>hook:{system}:{secretId}</c> for an inbound hook secret.</param>
/// <param name="Action"><c>created</c>, <c>rotated</c> or <c>revoked</c>.</param>
/// <param name="Actor">The administrator's subject.</param>
/// <param name="At">When.</param>
/// <param name="FromIp">The caller's remote address, when known.</param>
/// <param name="Detail">What changed besides the secret (e.g. the previous secret's end), or null.</param>
public sealed record ApiKeyEvent(string KeyId, string Action, string Actor, DateTimeOffset At, string? FromIp, string? Detail);
