using System.Text;
using EcoDamage.Workflow.Messaging.Webhooks;

namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>
/// What an inbound hook's signature covers. The Standard Webhooks <c>v1</c> HMAC-SHA256 of
/// <c>{webhook-id}.{webhook-timestamp}.{content}</c>, where the content is not the bare body but the request:
/// <code>{METHOD} {path-and-query}\n{Idempotency-Key}\n{body}</code>
/// (the method in upper case, the path and query exactly as in the request line, the <c>Idempotency-Key</c> header's
/// value or nothing when the header is absent, each line ended by one LF byte, then the body's bytes). A captured
/// request therefore cannot be re-aimed at another path, case or trigger, nor replayed under a fresh idempotency key.
/// </summary>
internal static class InboundHookSignature
{
    /// <summary>The header whose value the signature covers beside the path (the runtime's idempotency key).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The signed content for the request.</summary>
    public static byte[] Content(string method, string pathAndQuery, string? idempotencyKey, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var head = Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {pathAndQuery}\n{idempotencyKey}\n");
        var content = new byte[head.Length + body.Length];
        head.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(head.Length));
        return content;
    }

    /// <summary>The <c>webhook-signature</c> value (<c>v1,{base64}</c>) a system sends for the request.</summary>
    public static string Sign(ReadOnlySpan<byte> key, string id, long timestamp, string method, string pathAndQuery, string? idempotencyKey, ReadOnlySpan<byte> body) =>
        StandardWebhookSignature.Sign(key, id, timestamp, Content(method, pathAndQuery, idempotencyKey, body));
}
