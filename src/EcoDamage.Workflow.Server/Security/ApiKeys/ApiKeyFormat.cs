using System.Security.Cryptography;
using System.Text;

namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>
/// The managed key's form, <c>edk_{id}_{secret}</c>: a 16-hex-digit id that finds the record and a 256-bit random
/// secret in unpadded base64url, of which only the SHA-256 is stored.
/// </summary>
internal static class ApiKeyFormat
{
    /// <summary>The prefix every managed key starts with (so that scanners can spot a leaked key).</summary>
    public const string Prefix = "edk_";

    private const int IdLength = 16;

    /// <summary>A new key id (64 random bits, lower-case hex).</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));

    /// <summary>A new secret: 256 random bits, unpadded base64url.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key as shown once to the administrator.</summary>
    public static string Compose(string id, string secret) => $"{Prefix}{id}_{secret}";

    /// <summary>SHA-256 of the secret's UTF-8 bytes (what is stored and compared).</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Splits a presented key into id and secret; false when it does not have the managed form.</summary>
    public static bool TryParse(string presented, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (presented is null || presented.Length < Prefix.Length + IdLength + 2 || !presented.StartsWith(Prefix, StringComparison.Ordinal)
            || presented[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var candidate = presented.Substring(Prefix.Length, IdLength);
        if (!candidate.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        id = candidate;
        secret = presented[(Prefix.Length + IdLength + 1)..];
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
