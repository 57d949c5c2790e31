namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>A rotation: a new secret, the previous one accepted until <paramref name="PreviousValidUntil"/>.</summary>
/// <param name="PreviousValidUntil">The end of the overlap: now or later, at most 30 days ahead; 24 hours from now when absent.</param>
internal sealed record ApiKeyRotateRequest(DateTimeOffset? PreviousValidUntil);
