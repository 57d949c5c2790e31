using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Reference;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Reference data for embedding systems' forms: <c>GET /api/reference</c>.</summary>
internal static class ReferenceApi
{
    /// <summary>Maps the reference endpoint.</summary>
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reference", Get)
            .WithTags("Reference")
            .WithName("GetReferenceData")
            .WithSummary("Roles, departments (R1–R3), jurisdictions (R4), treasuries (R27), and the clue channels (N1) and damage domains (R2) a clue is tagged with.");
        return app;
    }

    private static ReferenceResponse Get(DefinitionCatalog definitions)
    {
        var catalog = definitions.Catalog;
        // A clue is tagged with the intake definition's channel and domain listing fields: their values are the choices.
        var intake = ClueIntake.Find(catalog);
        return new ReferenceResponse(
            catalog.Roles.Roles.Select(r => new ReferenceEntry(r.Key, r.Value.Zh, r.Value.En)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
            definitions.Reference.Departments,
            definitions.Reference.Jurisdictions,
            Values(intake, intake?.Listing?.Channel),
            Values(intake, intake?.Listing?.Domain),
            definitions.Reference.Treasuries);
    }

    private static List<ReferenceEntry> Values(WorkflowDefinition? definition, IReadOnlyList<Token>? fields) =>
        definition?.Fields.FirstOrDefault(f => fields?.Count > 0 && f.Id == fields[0].Text)?.Values
            .Select(v => new ReferenceEntry(v.Id, v.Name?.Zh ?? v.Id, v.Name?.En ?? v.Id))
            .ToList() ?? [];
}

/// <summary>The body of <c>GET /api/reference</c>.</summary>
/// <param name="Roles">Roles callers act in.</param>
/// <param name="Departments">Departments.</param>
/// <param name="Jurisdictions">Jurisdictions.</param>
/// <param name="Channels">The ten clue channels (N1).</param>
/// <param name="Domains">Damage domains (R2 routing).</param>
/// <param name="Treasuries">Treasuries payments go into (R27), each with its jurisdiction.</param>
internal sealed record ReferenceResponse(
    IReadOnlyList<ReferenceEntry> Roles,
    IReadOnlyList<ReferenceEntry> Departments,
    IReadOnlyList<ReferenceEntry> Jurisdictions,
    IReadOnlyList<ReferenceEntry> Channels,
    IReadOnlyList<ReferenceEntry> Domains,
    IReadOnlyList<ReferenceEntry> Treasuries);
