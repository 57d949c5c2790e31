using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EmbeddingSample.Webhooks;

/// <summary>
/// Standard Webhooks signatures (https://www.standardwebhooks.com): <c>webhook-signature</c> holds one or more
/// space-separated <c>v1,&lt;base64&gt;</c> values, each the HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c>
/// under the key that is the base64 part of a <c>whsec_…</c> secret.
/// </summary>
internal static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The key of a <c>whsec_&lt;base64&gt;</c> secret (prefix optional).</summary>
    /// <exception cref="FormatException">The secret is not base64.</exception>
    public static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);

    /// <summary>A new secret: <c>whsec_</c> + base64 of 32 random bytes.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>v1,…</c> signature of one message.</summary>
    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Mac(key, id, timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>
    /// The <c>v1,…</c> signature of a request to the host's inbound hooks (<c>POST /api/hooks/{system}/…</c>): the host signs
    /// more than the body, namely <c>{METHOD} {path-and-query}\n{Idempotency-Key}\n{body}</c> (the path and query exactly as
    /// in the request line, the Idempotency-Key header's value or nothing), so a captured request cannot be re-aimed at
    /// another case or trigger nor replayed under a fresh idempotency key.
    /// </summary>
    public static string SignRequest(byte[] key, string id, long timestamp, string method, string pathAndQuery, string? idempotencyKey, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {pathAndQuery}\n{idempotencyKey}\n");
        var content = new byte[head.Length + body.Length];
        head.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(head.Length));
        return Sign(key, id, timestamp, content);
    }

    /// <summary>Checks a received message against the key; the timestamp may lie at most <paramref name="tolerance"/> from <paramref name="now"/>.</summary>
    public static Verification Verify(byte[] key, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrWhiteSpace(signatures))
        {
            return Verification.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
        {
            return Verification.BadTimestamp;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - sent) > (long)tolerance.TotalSeconds)
        {
            return Verification.TooOldOrTooNew;
        }

        var expected = Mac(key, id, timestamp, body);
        foreach (var part in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith("v1,", StringComparison.Ordinal))
            {
                continue;
            }

            var presented = new byte[64];
            if (Convert.TryFromBase64String(part[3..], presented, out var length)
                && CryptographicOperations.FixedTimeEquals(presented.AsSpan(0, length), expected))
            {
                return Verification.Valid;
            }
        }

        return Verification.NoMatchingSignature;
    }

    private static byte[] Mac(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
