using System.Globalization;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.HookSecrets;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>
/// Reads an inbound hook's body (at most <see cref="CommandBodyLimitExtensions.MaxCommandBytes"/>), checks its
/// signature over method, path and query, <c>Idempotency-Key</c> and body (<see cref="InboundHookSignature"/>) with any
/// of the posting system's secrets (<see cref="InboundHookSecrets"/>), and refuses a message already accepted
/// (<see cref="IInboundReplayGuard"/>). Anything unverified is a 401 ProblemDetails, a replay a 409.
/// </summary>
internal sealed class InboundHookReader(
    IOptionsMonitor<InboundHookOptions> options, InboundHookSecrets secrets, IInboundReplayGuard replays, TimeProvider time, ILogger<InboundHookReader> logger)
{
    private const string UnauthorizedType = "https://tools.ietf.org/html/rfc9110#section-15.5.2";

    /// <summary>The verified hook, or the problem to answer with (401, 409 for a replay, 413, 415, or 400 for an over-long <c>webhook-id</c>).</summary>
    public async Task<(InboundHook? Hook, ProblemHttpResult? Problem)> ReadAsync(string system, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = options.CurrentValue;
        if (!current.Systems.TryGetValue(system, out var configured))
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

        // The configured spelling, so that a retry whose path differs only in case finds the same idempotency record.
        var name = current.Systems.Keys.First(k => string.Equals(k, system, StringComparison.OrdinalIgnoreCase));
        var id = Single(request, StandardWebhookSignature.IdHeader);
        var timestamp = Single(request, StandardWebhookSignature.TimestampHeader);
        var idempotencyKey = request.Headers.TryGetValue(InboundHookSignature.IdempotencyKeyHeader, out var keys) ? keys.ToString() : null;
        var content = InboundHookSignature.Content(request.Method, Target(request), idempotencyKey, body);
        var check = SignatureCheck.Invalid;
        foreach (var key in await secrets.KeysAsync(name, configured, cancellationToken).ConfigureAwait(false))
        {
            check = StandardWebhookSignature.Verify(
                key, id, timestamp, Single(request, StandardWebhookSignature.SignatureHeader), content, time.GetUtcNow(), current.Tolerance);
            if (check != SignatureCheck.Invalid)
            {
                break;
            }
        }

        if (check != SignatureCheck.Valid)
        {
            Log.HookRejected(logger, system, check.ToString());
            return (null, Unauthorized(Describe(check, current.Tolerance)));
        }

        if (id!.Length > CommandHeaders.MaxKeyLength)
        {
            return (null, Problems.BadRequest($"{StandardWebhookSignature.IdHeader} must be at most {CommandHeaders.MaxKeyLength} characters."));
        }

        var seconds = long.Parse(timestamp!, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds) + current.Tolerance + TimeSpan.FromSeconds(1);
        if (!await replays.TryRememberAsync(name, id, seconds, expires, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            Log.HookReplayed(logger, name, id, seconds);
            return (null, TypedResults.Problem(
                $"This message ({StandardWebhookSignature.IdHeader} '{id}', {StandardWebhookSignature.TimestampHeader} {seconds}) was already accepted. "
                + "A sender that did not receive the answer signs it again with the current time and the same webhook-id (and Idempotency-Key) to receive the first result.",
                statusCode: StatusCodes.Status409Conflict, title: "Replayed Message"));
        }

        var department = string.IsNullOrWhiteSpace(configured.Department) ? null : configured.Department;
        var jurisdiction = string.IsNullOrWhiteSpace(configured.Jurisdiction) ? null : configured.Jurisdiction;
        var actor = new Actor(configured.System, configured.Role, department);
        return (new InboundHook(name, actor, id, body, new Caller(configured.System, configured.Role, department, jurisdiction, null)), null);
    }

    // The request line's target as received when the server keeps it (Kestrel), else the path and query re-encoded.
    private static string Target(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/' ? raw : request.GetEncodedPathAndQuery();

    private static string Describe(SignatureCheck check, TimeSpan tolerance) => check switch
    {
        SignatureCheck.Missing => $"Send the {StandardWebhookSignature.IdHeader}, {StandardWebhookSignature.TimestampHeader} and {StandardWebhookSignature.SignatureHeader} headers.",
        SignatureCheck.MalformedTimestamp => $"{StandardWebhookSignature.TimestampHeader} must be the send time in Unix seconds.",
        SignatureCheck.OutsideTolerance => $"{StandardWebhookSignature.TimestampHeader} is more than {tolerance.TotalSeconds:0} seconds away from the host's clock; sign the message again with the current time.",
        _ => $"No {StandardWebhookSignature.SignatureHeader} matches under the system's secrets. Sign '{{id}}.{{timestamp}}.{{METHOD}} {{path-and-query}}\\n{{Idempotency-Key}}\\n{{body}}' (docs/security.md).",
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
