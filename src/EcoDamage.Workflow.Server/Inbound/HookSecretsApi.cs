using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.ApiKeys;
using EcoDamage.Workflow.Runtime.HookSecrets;
using EcoDamage.Workflow.Runtime.Security;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using EcoDamage.Workflow.Server.Security.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>
/// <c>/api/admin/hook-secrets/{system}</c>: administrators add and revoke the signing secrets of a configured inbound
/// system. Every unrevoked secret is accepted beside the configured ones, so a system changes over without a gap.
/// Secrets are stored encrypted (<see cref="ISecretProtector"/>), shown once; every change is logged in the key change log
/// under <c>hook:{system}:{id}</c>.
/// </summary>
internal static class HookSecretsApi
{
    /// <summary>Maps the endpoints; every one requires the <c>administrator</c> role (others get 403, anonymous callers 401).</summary>
    public static IEndpointRouteBuilder MapHookSecretsApi(this IEndpointRouteBuilder app)
    {
        var secrets = app.MapGroup("/api/admin/hook-secrets/{system}").WithTags("Administration").RequireAuthorization(AdministratorPolicy.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        secrets.MapPost("/", CreateAsync).WithName("CreateHookSecret")
            .WithSummary("Adds a signing secret for the inbound system; the secret is in this answer only. The system's other secrets stay valid until revoked.");
        secrets.MapGet("/", ListAsync).WithName("ListHookSecrets").WithSummary("Lists the system's managed secrets (never the secrets themselves).");
        secrets.MapPost("/{id}/revoke", RevokeAsync).WithName("RevokeHookSecret")
            .WithSummary("Revokes one managed secret: hooks signed with it are refused from now on (at once on this node, within 30 seconds on the others).");
        secrets.MapGet("/{id}/events", EventsAsync).WithName("ListHookSecretEvents")
            .WithSummary("The secret's change log: who created or revoked it, when and from which address.");
        return app;
    }

    private static async Task<Results<Ok<ApiKeyEventView[]>, ProblemHttpResult>> EventsAsync(
        string system, string id, IOptionsMonitor<InboundHookOptions> options, IHookSecretStore store, IApiKeyStore changes, CancellationToken cancellationToken)
    {
        if (Configured(system, options) is not { } name)
        {
            return NotConfigured(system);
        }

        if (!(await store.ListAsync(name, cancellationToken)).Any(s => s.Id == id))
        {
            return Problems.NotFound($"Inbound system '{name}' has no managed secret '{id}'.");
        }

        return TypedResults.Ok((await changes.EventsAsync($"hook:{name}:{id}", cancellationToken)).Select(ApiKeyEventView.Of).ToArray());
    }

    private static async Task<Results<Created<HookSecretIssued>, ProblemHttpResult>> CreateAsync(
        string system, HttpContext http, IOptionsMonitor<InboundHookOptions> options, IHookSecretStore store, IApiKeyStore changes,
        ISecretProtector protector, InboundHookSecrets cache, TimeProvider time, ILogger<HookSecretIssued> logger, CancellationToken cancellationToken)
    {
        if (Configured(system, options) is not { } name)
        {
            return NotConfigured(system);
        }

        var now = time.GetUtcNow();
        var actor = AdministratorPolicy.Actor(http);
        var secret = StandardWebhookSignature.NewSecret();
        var stored = new HookSecret(Guid.NewGuid().ToString("N"), name, protector.Protect(secret), now, actor, null);
        await store.AddAsync(stored, cancellationToken);
        await changes.RecordAsync(new ApiKeyEvent($"hook:{name}:{stored.Id}", "created", actor, now, AdministratorPolicy.FromIp(http), null), cancellationToken);
        cache.Forget(name);
        Log.HookSecretChanged(logger, stored.Id, name, "created", actor);
        return TypedResults.Created($"/api/admin/hook-secrets/{name}", new HookSecretIssued(secret, HookSecretView.Of(stored)));
    }

    private static async Task<Results<Ok<HookSecretView[]>, ProblemHttpResult>> ListAsync(
        string system, IOptionsMonitor<InboundHookOptions> options, IHookSecretStore store, CancellationToken cancellationToken) =>
        Configured(system, options) is { } name
            ? TypedResults.Ok((await store.ListAsync(name, cancellationToken)).Select(HookSecretView.Of).ToArray())
            : NotConfigured(system);

    private static async Task<Results<Ok<HookSecretView>, ProblemHttpResult>> RevokeAsync(
        string system, string id, HttpContext http, IOptionsMonitor<InboundHookOptions> options, IHookSecretStore store, IApiKeyStore changes,
        InboundHookSecrets cache, TimeProvider time, ILogger<HookSecretIssued> logger, CancellationToken cancellationToken)
    {
        if (Configured(system, options) is not { } name)
        {
            return NotConfigured(system);
        }

        var now = time.GetUtcNow();
        var actor = AdministratorPolicy.Actor(http);
        var revoked = await store.RevokeAsync(name, id, now, cancellationToken);
        cache.Forget(name);
        var secret = (await store.ListAsync(name, cancellationToken)).FirstOrDefault(s => s.Id == id);
        if (secret is null)
        {
            return Problems.NotFound($"Inbound system '{name}' has no managed secret '{id}'.");
        }

        if (revoked)
        {
            await changes.RecordAsync(new ApiKeyEvent($"hook:{name}:{id}", "revoked", actor, now, AdministratorPolicy.FromIp(http), null), cancellationToken);
            Log.HookSecretChanged(logger, id, name, "revoked", actor);
        }

        return TypedResults.Ok(HookSecretView.Of(secret));
    }

    private static string? Configured(string system, IOptionsMonitor<InboundHookOptions> options) =>
        options.CurrentValue.Systems.Keys.FirstOrDefault(k => string.Equals(k, system, StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult NotConfigured(string system) =>
        Problems.NotFound($"No inbound hook system '{system}' is configured (Hooks:Inbound:Systems).");
}
