using System.Text.Json;
using EmbeddingSample.Webhooks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace EmbeddingSample.Receiving;

/// <summary>
/// <c>POST /hooks</c>: verifies the Standard Webhooks signature (401 otherwise, nothing stored), answers a
/// delivery seen before (same <c>webhook-id</c>) with 200 without storing it again, and stores and prints the rest.
/// Whatever the event type, the envelope is kept as received.
/// </summary>
internal static partial class HookReceiver
{
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapHookReceiver(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks", ReceiveAsync);
        app.MapGet("/events", (ReceivedEventStore store) => TypedResults.Ok(store.All));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, WebhookSecrets secrets, ReceivedEventStore store, TimeProvider time, IOptions<SampleOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("EmbeddingSample.Hooks");
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem("The delivery is larger than this receiver accepts.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException error)
        {
            return TypedResults.Problem(error.Message, statusCode: error.StatusCode);
        }

        var body = buffer.ToArray();
        var id = request.Headers[WebhookSignature.IdHeader].ToString();
        var now = time.GetUtcNow();
        var verdict = Verification.NoMatchingSignature;
        foreach (var key in secrets.Keys)
        {
            verdict = WebhookSignature.Verify(
                key, id, request.Headers[WebhookSignature.TimestampHeader].ToString(), request.Headers[WebhookSignature.SignatureHeader].ToString(),
                body, now, options.Value.Tolerance);
            if (verdict == Verification.Valid)
            {
                break;
            }
        }

        if (verdict != Verification.Valid)
        {
            LogRejected(logger, id, verdict);
            return TypedResults.Problem($"The delivery's signature was not accepted: {verdict}.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        var received = Describe(id, body, now);
        if (!store.TryAdd(received))
        {
            LogDuplicate(logger, id);
            return TypedResults.Ok();
        }

        // One line per event on the console, whatever the logging configuration.
        Console.WriteLine($"[hook] {received.Type ?? "(no type)"} case={received.Subject ?? "-"} at={received.Time ?? "-"} id={id}");
        return TypedResults.NoContent();
    }

    private static ReceivedEvent Describe(string id, byte[] body, DateTimeOffset now)
    {
        JsonElement envelope;
        try
        {
            envelope = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Signed but not JSON: keep it as text rather than lose it.
            envelope = JsonSerializer.SerializeToElement(System.Text.Encoding.UTF8.GetString(body));
        }

        return new ReceivedEvent(id, Text(envelope, "type"), Text(envelope, "subject"), Text(envelope, "time"), now, envelope);
    }

    private static string? Text(JsonElement envelope, string name) =>
        envelope.ValueKind == JsonValueKind.Object && envelope.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected delivery {WebhookId}: {Verdict}")]
    private static partial void LogRejected(ILogger logger, string webhookId, Verification verdict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery {WebhookId} acknowledged, not stored again")]
    private static partial void LogDuplicate(ILogger logger, string webhookId);
}
