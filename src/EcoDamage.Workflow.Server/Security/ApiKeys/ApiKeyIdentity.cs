namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>Who a valid API key stands for (configured or managed), before it becomes claims.</summary>
/// <param name="KeyId">The managed key's id, or null for a configured key.</param>
/// <param name="System">The actor id.</param>
/// <param name="Role">The workflow role.</param>
/// <param name="Department">The department, or null.</param>
/// <param name="Jurisdiction">The jurisdiction, or null.</param>
/// <param name="Party">The party, or null.</param>
internal sealed record ApiKeyIdentity(string? KeyId, string System, string Role, string? Department, string? Jurisdiction, string? Party);
