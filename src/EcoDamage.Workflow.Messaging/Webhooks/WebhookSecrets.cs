using System.Security.Cryptography;
using EcoDamage.Workflow.Runtime.Security;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Webhook signing secrets at rest: stored protected by <see cref="ISecretProtector"/> (ASP.NET Core Data Protection in
/// the host), read back only to sign. A stored value starting <c>whsec_</c> is a plain secret of a row written before
/// encryption: it still signs, and <see cref="WebhookSecretUpgrade"/> encrypts such rows when the host starts.
/// </summary>
/// <param name="protector">Encrypts and decrypts.</param>
public sealed class WebhookSecrets(ISecretProtector protector)
{
    /// <summary>Whether <paramref name="stored"/> is a plain (not yet encrypted) secret.</summary>
    /// <param name="stored">The stored value.</param>
    /// <returns>True for a legacy plain <c>whsec_</c> secret.</returns>
    public static bool IsPlain(string stored) =>
        stored is not null && stored.StartsWith(StandardWebhookSignature.SecretPrefix, StringComparison.Ordinal);

    /// <summary>The form of <paramref name="secret"/> to store.</summary>
    /// <param name="secret">A <c>whsec_</c> secret.</param>
    /// <returns>The protected text.</returns>
    public string Seal(string secret) => protector.Protect(secret);

    /// <summary>The secret a stored value holds.</summary>
    /// <param name="stored">The stored value (protected, or a legacy plain secret).</param>
    /// <returns>The <c>whsec_</c> secret.</returns>
    /// <exception cref="InvalidOperationException">The value cannot be decrypted with this system's keys (the key ring was lost or replaced).</exception>
    public string Open(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (IsPlain(stored))
        {
            return stored;
        }

        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException("the subscription's signing secret cannot be decrypted with this system's data protection keys", e);
        }
    }
}
