using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>
/// Outbound webhooks (REST hooks): subscriptions, the delivery log and replays. Every endpoint requires a caller. A
/// subscription belongs to its creator and hears only of the cases its creator reads; a caller sees and manages only its
/// own subscriptions (another's answer 404), and a filter beyond its cases is a 403. The administrator role manages every
/// subscription and may subscribe to every case.
/// </summary>
internal static class WebhooksApi
{
    /// <summary>The role that manages every subscription and may subscribe to every case.</summary>
    public const string AdministratorRole = "administrator";

    /// <summary>Maps <c>/api/webhooks</c>.</summary>
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        hooks.MapGet("/event-types", (IDeclaredEventNames declared) => TypedResults.Ok(EventNames.All.Union(declared.Names, StringComparer.Ordinal).Select(n => new EventTypeView(n, EventNames.TypeOf(n))).ToArray()))
            .WithName("ListWebhookEventTypes").WithSummary("Lists the event names a subscription can select and their versioned wire types.");
        hooks.MapPost("/subscriptions", CreateAsync).WithName("CreateWebhookSubscription")
            .WithSummary("Creates a subscription to the cases the caller reads; the answer carries the signing secret, which is never shown again.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        hooks.MapGet("/subscriptions", ListAsync).WithName("ListWebhookSubscriptions").WithSummary("Lists the caller's subscriptions (an administrator's: all), without secrets.");
        hooks.MapGet("/subscriptions/{id}", GetAsync).WithName("GetWebhookSubscription").WithSummary("Reads a subscription.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPut("/subscriptions/{id}", UpdateAsync).WithName("UpdateWebhookSubscription")
            .WithSummary("Replaces a subscription's target, event types, filter and description (and secret when given).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/subscriptions/{id}/pause", (string id, HttpContext http, CallerScopes scopes, WebhookSubscriptions s, CancellationToken ct) => SetActiveAsync(id, false, Who(http, scopes), s, ct))
            .WithName("PauseWebhookSubscription").WithSummary("Pauses a subscription: events are queued, nothing is sent.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/subscriptions/{id}/resume", (string id, HttpContext http, CallerScopes scopes, WebhookSubscriptions s, CancellationToken ct) => SetActiveAsync(id, true, Who(http, scopes), s, ct))
            .WithName("ResumeWebhookSubscription").WithSummary("Resumes a paused or disabled subscription; queued deliveries are sent in order.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapDelete("/subscriptions/{id}", DeleteAsync).WithName("DeleteWebhookSubscription")
            .WithSummary("Deletes a subscription with its deliveries and their log.").ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapGet("/subscriptions/{id}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("Lists a subscription's deliveries, newest event first; filter by status (Pending, Succeeded, Failed).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/subscriptions/{id}/replay", ReplayRangeAsync).WithName("ReplayWebhookDeliveries")
            .WithSummary("Sends again every delivery of the subscription whose event occurred in [from, to).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapGet("/deliveries/{id}", DeliveryAsync).WithName("GetWebhookDelivery")
            .WithSummary("Reads a delivery with its attempt log (status code, latency, response excerpt).").ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/deliveries/{id}/replay", ReplayAsync).WithName("ReplayWebhookDelivery")
            .WithSummary("Sends one delivery again, with a fresh retry window.").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<SubscriptionView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SubscriptionRequest body, HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var change = await subscriptions.CreateAsync(Input(body), Who(http, scopes), cancellationToken);
        return change.View is { } view
            ? TypedResults.Created($"/api/webhooks/subscriptions/{view.Id}", view)
            : change.Forbidden is { } forbidden ? ForbiddenProblem.For(forbidden) : Invalid(change.Errors);
    }

    private static async Task<Ok<SubscriptionView[]>> ListAsync(HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        TypedResults.Ok((await subscriptions.ListAsync(Who(http, scopes), cancellationToken)).ToArray());

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.GetAsync(key, Who(http, scopes), cancellationToken) is { } view ? TypedResults.Ok(view) : UnknownSubscription(id);

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string id, SubscriptionRequest body, HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var key))
        {
            return UnknownSubscription(id);
        }

        var change = await subscriptions.UpdateAsync(key, Input(body), Who(http, scopes), cancellationToken);
        return change.View is { } view ? TypedResults.Ok(view)
            : change.Forbidden is { } forbidden ? ForbiddenProblem.For(forbidden)
            : change.NotFound ? UnknownSubscription(id)
            : Invalid(change.Errors);
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> SetActiveAsync(
        string id, bool active, WebhookCaller caller, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.SetActiveAsync(key, active, caller, cancellationToken) is { } view ? TypedResults.Ok(view) : UnknownSubscription(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.DeleteAsync(key, Who(http, scopes), cancellationToken) ? TypedResults.NoContent() : UnknownSubscription(id);

    private static async Task<Results<Ok<DeliveryView[]>, ProblemHttpResult, ValidationProblem>> DeliveriesAsync(
        string id, string? status, int? page, int? pageSize, HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        if (CasesApi.Paging(page, pageSize) is { } bad)
        {
            return bad;
        }

        if (status is not null && status is not (WebhookStatus.Pending or WebhookStatus.Succeeded or WebhookStatus.Failed))
        {
            return Problems.BadParameter("status", "must be Pending, Succeeded or Failed");
        }

        return Guid.TryParse(id, out var key) && await subscriptions.DeliveriesAsync(key, status, page ?? 1, pageSize ?? 50, Who(http, scopes), cancellationToken) is { } list
            ? TypedResults.Ok(list.ToArray())
            : UnknownSubscription(id);
    }

    private static async Task<Results<Accepted<ReplayResult>, ProblemHttpResult, ValidationProblem>> ReplayRangeAsync(
        string id, ReplayRangeRequest body, HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.From is null)
        {
            errors["from"] = ["required: ISO 8601 instant with offset"];
        }

        if (body.To is null)
        {
            errors["to"] = ["required: ISO 8601 instant with offset"];
        }
        else if (body.From is { } f && body.To <= f)
        {
            errors["to"] = ["must be after 'from'"];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        return Guid.TryParse(id, out var key) && await subscriptions.ReplayRangeAsync(key, body.From!.Value, body.To!.Value, Who(http, scopes), cancellationToken) is { } queued
            ? TypedResults.Accepted((string?)null, new ReplayResult(queued))
            : UnknownSubscription(id);
    }

    private static async Task<Results<Ok<DeliveryView>, ProblemHttpResult>> DeliveryAsync(
        string id, HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.DeliveryAsync(key, Who(http, scopes), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"Webhook delivery '{id}' does not exist.");

    private static async Task<Results<Accepted<ReplayResult>, ProblemHttpResult>> ReplayAsync(
        string id, HttpContext http, CallerScopes scopes, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.ReplayAsync(key, Who(http, scopes), cancellationToken)
            ? TypedResults.Accepted($"/api/webhooks/deliveries/{key}", new ReplayResult(1))
            : Problems.NotFound($"Webhook delivery '{id}' does not exist.");

    /// <summary>The caller as the subscriptions see it; one without a subject or role manages nothing and reads no case.</summary>
    private static WebhookCaller Who(HttpContext http, CallerScopes scopes) =>
        Caller.From(http.User) is { } caller
            ? new WebhookCaller(caller.Subject, string.Equals(caller.Role, AdministratorRole, StringComparison.Ordinal), scopes.ReadScope(caller))
            : new WebhookCaller("\0", false, AccessScope.Nothing);

    private static SubscriptionInput Input(SubscriptionRequest body) =>
        new(body.Url, body.EventTypes, body.Filter?.Department, body.Filter?.Jurisdiction, body.Filter?.Definition, body.Secret, body.Description);

    private static ProblemHttpResult UnknownSubscription(string id) => Problems.NotFound($"Webhook subscription '{id}' does not exist.");

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join("; ", errors.Select(e => $"'{e.Key}': {string.Join(", ", e.Value)}")),
            title: "One or more validation errors occurred.", type: Problems.BadRequestType);
}
