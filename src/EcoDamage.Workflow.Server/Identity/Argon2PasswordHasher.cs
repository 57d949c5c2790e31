using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// Argon2id password hashes as PHC strings (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>): the parameters travel with
/// each hash, so raising them later re-hashes a person's password at their next sign-in (<see cref="NeedsRehash"/>).
/// </summary>
internal sealed class Argon2PasswordHasher(IOptions<AccountOptions> options)
{
    private const string Prefix = "$argon2id$v=19$";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A hash of no one's password, verified for unknown user names so that they take as long as known ones.</summary>
    private readonly Lazy<string> _decoy = new(() => new Argon2PasswordHasher(options).Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>A new hash of <paramref name="password"/> with the configured parameters and a random salt.</summary>
    public string Hash(string password)
    {
        var p = options.Value.Argon2;
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, p.MemoryKiB, p.Iterations, p.Parallelism, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}m={p.MemoryKiB},t={p.Iterations},p={p.Parallelism}${Encode(salt)}${Encode(hash)}");
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="encoded"/> (false for a hash this class cannot read).</summary>
    public static bool Verify(string password, string encoded)
    {
        if (!TryParse(encoded, out var m, out var t, out var p, out var salt, out var expected))
        {
            return false;
        }

        // An empty password never matches, but takes the time of one (Argon2 itself refuses an empty input).
        var actual = Derive(password.Length == 0 ? " " : password, salt, m, t, p, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && password.Length > 0;
    }

    /// <summary>Spends the time of one verification on a decoy (an unknown user name must not answer faster).</summary>
    public void VerifyDecoy(string password) => Verify(password, _decoy.Value);

    /// <summary>Whether <paramref name="encoded"/> was made with other parameters than the configured ones.</summary>
    public bool NeedsRehash(string encoded)
    {
        var p = options.Value.Argon2;
        return !TryParse(encoded, out var m, out var t, out var lanes, out _, out _) || m != p.MemoryKiB || t != p.Iterations || lanes != p.Parallelism;
    }

    private static byte[] Derive(string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }

    private static bool TryParse(string encoded, out int memoryKiB, out int iterations, out int parallelism, out byte[] salt, out byte[] hash)
    {
        memoryKiB = iterations = parallelism = 0;
        salt = hash = [];
        if (encoded is null || !encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = encoded[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return false;
        }

        var settings = parts[0].Split(',');
        if (settings.Length != 3
            || !TryValue(settings[0], "m=", out memoryKiB)
            || !TryValue(settings[1], "t=", out iterations)
            || !TryValue(settings[2], "p=", out parallelism)
            || memoryKiB < 8 || memoryKiB > 4 * 1024 * 1024 || iterations < 1 || iterations > 100 || parallelism < 1 || parallelism > 64)
        {
            return false;
        }

        return TryDecode(parts[1], out salt) && TryDecode(parts[2], out hash) && salt.Length >= 8 && hash.Length >= 16;
    }

    private static bool TryValue(string setting, string name, out int value)
    {
        value = 0;
        return setting.StartsWith(name, StringComparison.Ordinal)
            && int.TryParse(setting.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
