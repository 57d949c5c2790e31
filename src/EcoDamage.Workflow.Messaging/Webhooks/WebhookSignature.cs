using System.Security.Cryptography;
using System.Text;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Standard Webhooks signatures: the secret is <c>whsec_</c> + base64 of 24 to 64 random bytes; the
/// <c>webhook-signature</c> header is <c>v1,</c> + base64(HMAC-SHA256(secret bytes, <c>id.timestamp.body</c>)).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The secret prefix.</summary>
    public const string Prefix = "whsec_";

    /// <summary>A new random secret (32 bytes).</summary>
    /// <returns>The secret, <c>whsec_…</c>.</returns>
    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Decodes a secret.</summary>
    /// <param name="secret">The secret text.</param>
    /// <param name="key">The key bytes.</param>
    /// <returns>True when the secret is <c>whsec_</c> + base64 of 24 to 64 bytes.</returns>
    public static bool TryDecode(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var length) || length is < 24 or > 64)
        {
            return false;
        }

        key = buffer[..length];
        return true;
    }

    /// <summary>The <c>webhook-signature</c> header value for one message.</summary>
    /// <param name="secret">The subscription's secret.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> (Unix seconds).</param>
    /// <param name="body">The exact body.</param>
    /// <returns><c>v1,</c> + base64 signature.</returns>
    /// <exception cref="ArgumentException">The secret is not a valid <c>whsec_</c> secret.</exception>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        if (!TryDecode(secret, out var key))
        {
            throw new ArgumentException("not a whsec_ secret of 24 to 64 bytes", nameof(secret));
        }

        var content = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>Whether a <c>webhook-signature</c> header (space-separated <c>v1,…</c> values) holds a valid signature.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>.</param>
    /// <param name="body">The body as received.</param>
    /// <param name="header">The header value.</param>
    /// <returns>True when one signature matches (compared in constant time).</returns>
    public static bool Verify(string secret, string id, long timestamp, string body, string? header)
    {
        if (header is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
