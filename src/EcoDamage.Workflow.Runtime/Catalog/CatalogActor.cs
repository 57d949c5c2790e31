namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>The administrator acting: subject and role, recorded with every change.</summary>
/// <param name="Subject">The caller's subject.</param>
/// <param name="Role">The caller's role.</param>
public sealed record CatalogActor(string Subject, string Role);
