using System.Text.Json.Nodes;
using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>The administration trail (every change to drafts and the catalog) and its verification: <c>/api/admin/audit</c>.</summary>
internal static class AdministrationTrailApi
{
    private const int MaxPage = 500;
    private const int VerifyPage = 1000;

    /// <summary>Maps the trail endpoints (administrators and auditors may read them).</summary>
    public static IEndpointRouteBuilder MapAdministrationTrailApi(this IEndpointRouteBuilder app)
    {
        var trail = app.MapGroup("/api/admin/audit").WithTags(DefinitionDraftsApi.Tag)
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireClaim(CallerClaims.Role, AdministratorPolicy.Role, "auditor"))
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        trail.MapGet("/", ReadAsync)
            .WithName("ReadAdministrationTrail")
            .WithSummary("Administration events after a sequence number, oldest first (drafts, publications, withdrawals, imports).")
            .ProducesValidationProblem();
        trail.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAdministrationTrail")
            .WithSummary("Recomputes the administration trail's hash chain and names the first broken link, if any.");
        return app;
    }

    private static async Task<Results<Ok<AdministrationEventView[]>, ValidationProblem>> ReadAsync(
        IAdministrationTrail trail, long? after, int? limit, CancellationToken cancellationToken)
    {
        if (after is < 0)
        {
            return Problems.BadParameter(nameof(after), "must be 0 or more.");
        }

        if (limit is < 1 or > MaxPage)
        {
            return Problems.BadParameter(nameof(limit), $"must be between 1 and {MaxPage}.");
        }

        var events = await trail.ReadAsync(after ?? 0, limit ?? 100, cancellationToken);
        return TypedResults.Ok(events.Select(View).ToArray());
    }

    private static async Task<Ok<AdministrationVerification>> VerifyAsync(IAdministrationTrail trail, CancellationToken cancellationToken)
    {
        var all = new List<AdministrationEvent>();
        while (true)
        {
            var page = await trail.ReadAsync(all.Count == 0 ? 0 : all[^1].Sequence, VerifyPage, cancellationToken);
            all.AddRange(page);
            if (page.Count < VerifyPage)
            {
                break;
            }
        }

        var broken = AdministrationHasher.FirstBreak(all);
        return TypedResults.Ok(new AdministrationVerification(broken is null, all.Count, broken?.Sequence, broken?.Reason));
    }

    private static AdministrationEventView View(AdministrationEvent e) =>
        new(e.Sequence, e.At.ToDateTimeOffset(), e.Actor, e.Role, e.Kind, e.Subject, JsonNode.Parse(e.Detail), e.PreviousHash, e.Hash);
}
