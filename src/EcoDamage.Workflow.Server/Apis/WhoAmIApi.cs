using System.Security.Claims;
using EcoDamage.Workflow.Server.Security;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>The caller as the host sees it: <c>GET /api/whoami</c>.</summary>
internal static class WhoAmIApi
{
    /// <summary>Maps <c>GET /api/whoami</c>; requires an authenticated caller (bearer token or API key).</summary>
    public static IEndpointRouteBuilder MapWhoAmIApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/whoami", (ClaimsPrincipal user) => TypedResults.Ok(WhoAmI.From(user)))
            .RequireAuthorization()
            .WithName("WhoAmI")
            .WithSummary("The authenticated caller's actor id, role and department.")
            .WithDescription("Embedding systems and front ends use it to check which actor their API key or bearer token maps to.")
            .WithTags("Security")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}

/// <summary>The authenticated caller.</summary>
/// <param name="Id">The actor id (claim <c>sub</c>).</param>
/// <param name="Role">The workflow role (claim <c>role</c>).</param>
/// <param name="Department">The department (claim <c>department</c>), when the caller has one.</param>
internal sealed record WhoAmI(string Id, string? Role, string? Department)
{
    public static WhoAmI From(ClaimsPrincipal user) => new(
        user.FindFirstValue(JwtPeopleTokens.SubjectClaim) ?? string.Empty,
        user.FindFirstValue(JwtPeopleTokens.RoleClaim),
        user.FindFirstValue(JwtPeopleTokens.DepartmentClaim));
}
