using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Outbound webhooks (REST hooks): subscriptions, the delivery log and replays. Every endpoint requires a caller.</summary>
internal static class WebhooksApi
{
    /// <summary>Maps <c>/api/webhooks</c>.</summary>
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        hooks.MapGet("/event-types", (IDeclaredEventNames declared) => TypedResults.Ok(EventNames.All.Union(declared.Names, StringComparer.Ordinal).Select(n => new EventTypeView(n, EventNames.TypeOf(n))).ToArray()))
            .WithName("ListWebhookEventTypes").WithSummary("Lists the event names a subscription can select and their versioned wire types.");
        hooks.MapPost("/subscriptions", CreateAsync).WithName("CreateWebhookSubscription")
            .WithSummary("Creates a subscription; the answer carries the signing secret, which is never shown again.")
            .ProducesValidationProblem();
        hooks.MapGet("/subscriptions", ListAsync).WithName("ListWebhookSubscriptions").WithSummary("Lists subscriptions (without secrets).");
        hooks.MapGet("/subscriptions/{id}", GetAsync).WithName("GetWebhookSubscription").WithSummary("Reads a subscription.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPut("/subscriptions/{id}", UpdateAsync).WithName("UpdateWebhookSubscription")
            .WithSummary("Replaces a subscription's target, event types, filter and description (and secret when given).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/subscriptions/{id}/pause", (string id, WebhookSubscriptions s, CancellationToken ct) => SetActiveAsync(id, false, s, ct))
            .WithName("PauseWebhookSubscription").WithSummary("Pauses a subscription: events are queued, nothing is sent.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/subscriptions/{id}/resume", (string id, WebhookSubscriptions s, CancellationToken ct) => SetActiveAsync(id, true, s, ct))
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

    private static async Task<Results<Created<SubscriptionView>, ValidationProblem>> CreateAsync(
        SubscriptionRequest body, HttpContext http, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var (view, errors) = await subscriptions.CreateAsync(Input(body), CallerActor.From(http.User).Id, cancellationToken);
        return view is null ? Invalid(errors) : TypedResults.Created($"/api/webhooks/subscriptions/{view.Id}", view);
    }

    private static async Task<Ok<SubscriptionView[]>> ListAsync(WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        TypedResults.Ok((await subscriptions.ListAsync(cancellationToken)).ToArray());

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> GetAsync(string id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.GetAsync(key, cancellationToken) is { } view ? TypedResults.Ok(view) : UnknownSubscription(id);

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string id, SubscriptionRequest body, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var key))
        {
            return UnknownSubscription(id);
        }

        var (view, errors) = await subscriptions.UpdateAsync(key, Input(body), cancellationToken);
        return view is not null ? TypedResults.Ok(view) : errors.Count > 0 ? Invalid(errors) : UnknownSubscription(id);
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> SetActiveAsync(string id, bool active, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.SetActiveAsync(key, active, cancellationToken) is { } view ? TypedResults.Ok(view) : UnknownSubscription(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.DeleteAsync(key, cancellationToken) ? TypedResults.NoContent() : UnknownSubscription(id);

    private static async Task<Results<Ok<DeliveryView[]>, ProblemHttpResult, ValidationProblem>> DeliveriesAsync(
        string id, string? status, int? page, int? pageSize, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        if (CasesApi.Paging(page, pageSize) is { } bad)
        {
            return bad;
        }

        if (status is not null && status is not (WebhookStatus.Pending or WebhookStatus.Succeeded or WebhookStatus.Failed))
        {
            return Problems.BadParameter("status", "must be Pending, Succeeded or Failed");
        }

        return Guid.TryParse(id, out var key) && await subscriptions.DeliveriesAsync(key, status, page ?? 1, pageSize ?? 50, cancellationToken) is { } list
            ? TypedResults.Ok(list.ToArray())
            : UnknownSubscription(id);
    }

    private static async Task<Results<Accepted<ReplayResult>, ProblemHttpResult, ValidationProblem>> ReplayRangeAsync(
        string id, ReplayRangeRequest body, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
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

        return Guid.TryParse(id, out var key) && await subscriptions.ReplayRangeAsync(key, body.From!.Value, body.To!.Value, cancellationToken) is { } queued
            ? TypedResults.Accepted((string?)null, new ReplayResult(queued))
            : UnknownSubscription(id);
    }

    private static async Task<Results<Ok<DeliveryView>, ProblemHttpResult>> DeliveryAsync(string id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.DeliveryAsync(key, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"Webhook delivery '{id}' does not exist.");

    private static async Task<Results<Accepted<ReplayResult>, ProblemHttpResult>> ReplayAsync(string id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var key) && await subscriptions.ReplayAsync(key, cancellationToken)
            ? TypedResults.Accepted($"/api/webhooks/deliveries/{key}", new ReplayResult(1))
            : Problems.NotFound($"Webhook delivery '{id}' does not exist.");

    private static SubscriptionInput Input(SubscriptionRequest body) =>
        new(body.Url, body.EventTypes, body.Filter?.Department, body.Filter?.Jurisdiction, body.Filter?.Definition, body.Secret, body.Description);

    private static ProblemHttpResult UnknownSubscription(string id) => Problems.NotFound($"Webhook subscription '{id}' does not exist.");

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join("; ", errors.Select(e => $"'{e.Key}': {string.Join(", ", e.Value)}")),
            title: "One or more validation errors occurred.", type: Problems.BadRequestType);
}
