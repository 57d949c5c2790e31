namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>A new API key: who it stands for and until when.</summary>
/// <param name="Name">A name for people (required, at most 100 characters).</param>
/// <param name="System">The actor id its calls are recorded as (required, at most 100 characters).</param>
/// <param name="Role">A role of <c>roles.yaml</c>.</param>
/// <param name="Department">A department id of the reference data (required for a department-scoped role).</param>
/// <param name="Jurisdiction">A jurisdiction id of the reference data (required for a department- or jurisdiction-scoped role).</param>
/// <param name="Party">The party the system acts as (required for a party-scoped role).</param>
/// <param name="ExpiresAt">When the key stops working: in the future, at most two years ahead.</param>
internal sealed record ApiKeyCreateRequest(
    string? Name, string? System, string? Role, string? Department, string? Jurisdiction, string? Party, DateTimeOffset? ExpiresAt);
