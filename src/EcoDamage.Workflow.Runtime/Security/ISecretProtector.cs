namespace EcoDamage.Workflow.Runtime.Security;

/// <summary>
/// Encrypts the secrets the system must read back (webhook signing secrets, inbound hook secrets) before storage
/// writes them, and decrypts them when it reads them. Hashes, not this, keep secrets the system only compares
/// (API keys, passwords).
/// </summary>
public interface ISecretProtector
{
    /// <summary>The protected (encrypted, authenticated) form of <paramref name="secret"/>, safe to store.</summary>
    string Protect(string secret);

    /// <summary>The secret a <see cref="Protect"/> call protected.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The text was not protected by this system's keys or was altered.</exception>
    string Unprotect(string protectedSecret);
}
