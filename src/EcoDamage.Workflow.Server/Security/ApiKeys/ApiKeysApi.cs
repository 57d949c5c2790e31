using EcoDamage.Workflow.Runtime.ApiKeys;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>
/// <c>/api/admin/api-keys</c>: administrators create, list, read, rotate and revoke the embedding systems' API keys.
/// A key is shown once, in the answer that creates or rotates it; every change is logged (<c>…/{id}/events</c>).
/// </summary>
internal static class ApiKeysApi
{
    private const string Tag = "Administration";

    /// <summary>Maps the endpoints; every one requires the <c>administrator</c> role (others get 403, anonymous callers 401).</summary>
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/admin/api-keys").WithTags(Tag).RequireAuthorization(AdministratorPolicy.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey")
            .WithSummary("Creates an API key for a system, role, department and jurisdiction, with an expiry; the key is in this answer only.")
            .Accepts<ApiKeyCreateRequest>("application/json")
            .ProducesValidationProblem();
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Lists the managed API keys (never their secrets).");
        keys.MapGet("/{id}", GetAsync).WithName("GetApiKey").WithSummary("Reads one managed API key (never its secret).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapPost("/{id}/rotate", RotateAsync).WithName("RotateApiKey")
            .WithSummary("Issues a new secret for the key; the previous one keeps working until previousValidUntil (default 24 hours). The new key is in this answer only.")
            .Accepts<ApiKeyRotateRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        keys.MapPost("/{id}/revoke", RevokeAsync).WithName("RevokeApiKey")
            .WithSummary("Revokes the key: refused from now on (at once on this node, within 30 seconds on the others).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapGet("/{id}/events", EventsAsync).WithName("ListApiKeyEvents")
            .WithSummary("The key's change log: who created, rotated or revoked it, when and from which address.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<ApiKeyIssued>, ValidationProblem>> CreateAsync(
        ApiKeyCreateRequest? request, HttpContext http, ApiKeyRequestValidator validator, IApiKeyStore store, TimeProvider time,
        ILogger<ApiKeyIssued> logger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        request ??= new ApiKeyCreateRequest(null, null, null, null, null, null, null);
        if (validator.Check(request, now) is { } invalid)
        {
            return invalid;
        }

        var actor = AdministratorPolicy.Actor(http);
        var (id, secret) = (ApiKeyFormat.NewId(), ApiKeyFormat.NewSecret());
        var key = new ApiKey(id, request.Name!, request.System!, request.Role!, request.Department, request.Jurisdiction, request.Party,
            ApiKeyFormat.Hash(secret), null, null, request.ExpiresAt!.Value, null, now, actor, now);
        await store.AddAsync(key, new ApiKeyEvent(id, "created", actor, now, AdministratorPolicy.FromIp(http), $"expires {key.ExpiresAt:O}"), cancellationToken);
        Log.KeyChanged(logger, id, "created", actor);
        return TypedResults.Created($"/api/admin/api-keys/{id}", new ApiKeyIssued(ApiKeyFormat.Compose(id, secret), ApiKeyView.Of(key, now)));
    }

    private static async Task<Ok<ApiKeyView[]>> ListAsync(IApiKeyStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(k => ApiKeyView.Of(k, now)).ToArray());
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> GetAsync(string id, IApiKeyStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } key ? TypedResults.Ok(ApiKeyView.Of(key, time.GetUtcNow())) : NotFound(id);

    private static async Task<Results<Ok<ApiKeyIssued>, ProblemHttpResult, ValidationProblem>> RotateAsync(
        string id, ApiKeyRotateRequest? request, HttpContext http, IApiKeyStore store, ApiKeyCache cache, TimeProvider time,
        ILogger<ApiKeyIssued> logger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = request?.PreviousValidUntil ?? now.AddHours(24);
        if (until < now || until - now > TimeSpan.FromDays(30))
        {
            return Problems.BadParameter("previousValidUntil", "must be now or later, at most 30 days ahead");
        }

        if (await store.GetAsync(id, cancellationToken) is not { } key)
        {
            return NotFound(id);
        }

        if (key.RevokedAt is not null || now >= key.ExpiresAt)
        {
            return TypedResults.Problem($"API key '{id}' is {(key.RevokedAt is not null ? "revoked" : "expired")}; create a new one.",
                statusCode: StatusCodes.Status409Conflict, title: "Key Not Active");
        }

        var actor = AdministratorPolicy.Actor(http);
        var secret = ApiKeyFormat.NewSecret();
        var rotated = key with { SecretHash = ApiKeyFormat.Hash(secret), PreviousSecretHash = key.SecretHash, PreviousValidUntil = until, UpdatedAt = now };
        await store.UpdateAsync(rotated, new ApiKeyEvent(id, "rotated", actor, now, AdministratorPolicy.FromIp(http), $"previous secret valid until {until:O}"), cancellationToken);
        cache.Forget(id);
        Log.KeyChanged(logger, id, "rotated", actor);
        return TypedResults.Ok(new ApiKeyIssued(ApiKeyFormat.Compose(id, secret), ApiKeyView.Of(rotated, now)));
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext http, IApiKeyStore store, ApiKeyCache cache, TimeProvider time, ILogger<ApiKeyIssued> logger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await store.GetAsync(id, cancellationToken) is not { } key)
        {
            return NotFound(id);
        }

        if (key.RevokedAt is not null)
        {
            return TypedResults.Ok(ApiKeyView.Of(key, now));
        }

        var actor = AdministratorPolicy.Actor(http);
        var revoked = key with { RevokedAt = now, UpdatedAt = now };
        await store.UpdateAsync(revoked, new ApiKeyEvent(id, "revoked", actor, now, AdministratorPolicy.FromIp(http), null), cancellationToken);
        cache.Forget(id);
        Log.KeyChanged(logger, id, "revoked", actor);
        return TypedResults.Ok(ApiKeyView.Of(revoked, now));
    }

    private static async Task<Results<Ok<ApiKeyEventView[]>, ProblemHttpResult>> EventsAsync(string id, IApiKeyStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok((await store.EventsAsync(id, cancellationToken)).Select(ApiKeyEventView.Of).ToArray());
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"No API key '{id}'.");
}
