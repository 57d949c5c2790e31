using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Signing and verification by the Standard Webhooks convention (standardwebhooks.com): the signature is
/// <c>v1,</c> + base64 of HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the
/// base64-decoded part of a <c>whsec_…</c> secret; <c>webhook-signature</c> may carry several signatures
/// separated by spaces (key rotation), and one matching <c>v1</c> signature is enough.
/// </summary>
public static class StandardWebhookSignature
{
    /// <summary>The header carrying the message id (the same on every retry).</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header carrying the send time in Unix seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header carrying the space-separated signatures.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The prefix of a secret's text form.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>The shortest key accepted, in bytes (the convention's lower bound).</summary>
    public const int MinKeyBytes = 24;

    /// <summary>The longest key accepted, in bytes (the convention's upper bound).</summary>
    public const int MaxKeyBytes = 64;

    /// <summary>How far a timestamp may lie from now, either way, unless configured otherwise (five minutes).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string Version = "v1";

    /// <summary>Decodes a <c>whsec_&lt;base64&gt;</c> secret (the prefix is optional) into its key.</summary>
    /// <returns>False when the text is not base64 or the key is not 24 to 64 bytes long.</returns>
    public static bool TryDecodeSecret(string? secret, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(secret))
        {
            return false;
        }

        var text = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written is < MinKeyBytes or > MaxKeyBytes)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    /// <summary>A new random secret in its text form, <c>whsec_</c> + base64 of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>v1,&lt;base64&gt;</c> signature of one message.</summary>
    /// <param name="key">The decoded secret.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>, Unix seconds.</param>
    /// <param name="body">The exact body bytes sent.</param>
    public static string Sign(ReadOnlySpan<byte> key, string id, long timestamp, ReadOnlySpan<byte> body) =>
        $"{Version},{Convert.ToBase64String(Mac(key, id, timestamp.ToString(CultureInfo.InvariantCulture), body))}";

    /// <summary>The <c>v1,&lt;base64&gt;</c> signature of one message, from a secret's text form and a UTF-8 body.</summary>
    /// <param name="secret">A <c>whsec_…</c> secret.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>, Unix seconds.</param>
    /// <param name="body">The exact body sent.</param>
    /// <exception cref="ArgumentException">The secret is not a valid secret of 24 to 64 bytes.</exception>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        if (!TryDecodeSecret(secret, out var key))
        {
            throw new ArgumentException("not a whsec_ secret of 24 to 64 bytes", nameof(secret));
        }

        return Sign(key, id, timestamp, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Checks one received message.</summary>
    /// <param name="key">The decoded secret of the sender.</param>
    /// <param name="id">The <c>webhook-id</c> header, or null when absent.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header, or null when absent.</param>
    /// <param name="signatures">The <c>webhook-signature</c> header, or null when absent.</param>
    /// <param name="body">The exact body bytes received.</param>
    /// <param name="now">The receiver's current time.</param>
    /// <param name="tolerance">How far the timestamp may lie from <paramref name="now"/>, either way.</param>
    /// <returns><see cref="SignatureCheck.Valid"/>, or what is wrong.</returns>
    public static SignatureCheck Verify(
        ReadOnlySpan<byte> key, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrWhiteSpace(signatures))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        var skew = now.ToUnixTimeSeconds() - seconds;
        if (Math.Abs(skew) > (long)tolerance.TotalSeconds)
        {
            return SignatureCheck.OutsideTolerance;
        }

        // The MAC over the timestamp text as received: a timestamp is signed exactly as sent.
        Span<byte> expected = Mac(key, id, timestamp, body);
        Span<byte> presented = stackalloc byte[64];
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = candidate.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !candidate.AsSpan(0, comma).SequenceEqual(Version))
            {
                continue; // another scheme (e.g. v1a) or garbage: not ours to judge
            }

            if (Convert.TryFromBase64String(candidate[(comma + 1)..], presented, out var written)
                && CryptographicOperations.FixedTimeEquals(presented[..written], expected))
            {
                return SignatureCheck.Valid;
            }
        }

        return SignatureCheck.Invalid;
    }

    private static byte[] Mac(ReadOnlySpan<byte> key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, message);
    }
}
