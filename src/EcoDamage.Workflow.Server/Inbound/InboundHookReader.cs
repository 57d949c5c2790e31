using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>
/// Reads an inbound hook's body (at most <see cref="CommandBodyLimitExtensions.MaxCommandBytes"/>) and checks its
/// Standard Webhooks signature with the posting system's secret. Anything unverified is a 401 ProblemDetails.
/// </summary>
internal sealed class InboundHookReader(IOptionsMonitor<InboundHookOptions> options, TimeProvider time, ILogger<InboundHookReader> logger)
{
    private const string UnauthorizedType = "https://tools.ietf.org/html/rfc9110#section-15.5.2";

    /// <summary>The verified hook, or the problem to answer with (401, 413, 415, or 400 for an over-long <c>webhook-id</c>).</summary>
    public async Task<(InboundHook? Hook, ProblemHttpResult? Problem)> ReadAsync(string system, HttpRequest request, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (!current.Systems.TryGetValue(system, out var configured) || !StandardWebhookSignature.TryDecodeSecret(configured.Secret, out var key))
        {
            Log.HookRejected(logger, system, "unknown system");
            return (null, Unauthorized($"No inbound hook system '{system}' is configured."));
        }

        if (request.ContentLength > CommandBodyLimitExtensions.MaxCommandBytes)
        {
            return (null, Problems.TooLarge(CommandBodyLimitExtensions.MaxCommandBytes));
        }

        if (request.ContentLength > 0 && !request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType("Send the hook's body as application/json."));
        }

        if (await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return (null, Problems.TooLarge(CommandBodyLimitExtensions.MaxCommandBytes));
        }

        var id = Single(request, StandardWebhookSignature.IdHeader);
        var check = StandardWebhookSignature.Verify(
            key, id, Single(request, StandardWebhookSignature.TimestampHeader), Single(request, StandardWebhookSignature.SignatureHeader),
            body, time.GetUtcNow(), current.Tolerance);
        if (check != SignatureCheck.Valid)
        {
            Log.HookRejected(logger, system, check.ToString());
            return (null, Unauthorized(Describe(check, current.Tolerance)));
        }

        if (id!.Length > CommandHeaders.MaxKeyLength)
        {
            return (null, Problems.BadRequest($"{StandardWebhookSignature.IdHeader} must be at most {CommandHeaders.MaxKeyLength} characters."));
        }

        var actor = new Actor(configured.System, configured.Role, string.IsNullOrWhiteSpace(configured.Department) ? null : configured.Department);
        // The configured spelling, so that a retry whose path differs only in case finds the same idempotency record.
        var name = current.Systems.Keys.First(k => string.Equals(k, system, StringComparison.OrdinalIgnoreCase));
        return (new InboundHook(name, actor, id, body), null);
    }

    private static string Describe(SignatureCheck check, TimeSpan tolerance) => check switch
    {
        SignatureCheck.Missing => $"Send the {StandardWebhookSignature.IdHeader}, {StandardWebhookSignature.TimestampHeader} and {StandardWebhookSignature.SignatureHeader} headers.",
        SignatureCheck.MalformedTimestamp => $"{StandardWebhookSignature.TimestampHeader} must be the send time in Unix seconds.",
        SignatureCheck.OutsideTolerance => $"{StandardWebhookSignature.TimestampHeader} is more than {tolerance.TotalSeconds:0} seconds away from the host's clock; sign the message again with the current time.",
        _ => $"No {StandardWebhookSignature.SignatureHeader} matches the body, id and timestamp under the system's secret.",
    };

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", type: UnauthorizedType);

    private static string? Single(HttpRequest request, string header) =>
        request.Headers.TryGetValue(header, out var values) && values.Count == 1 ? values[0] : null;

    // Reads at most the limit plus one chunk, whatever Content-Length said; null when the body is larger than the limit.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > CommandBodyLimitExtensions.MaxCommandBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
