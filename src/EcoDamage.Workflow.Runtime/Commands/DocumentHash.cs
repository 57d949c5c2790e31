using System.Security.Cryptography;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>SHA-256 of document content, as stored with its metadata.</summary>
public static class DocumentHash
{
    /// <summary>Hashes content held in memory.</summary>
    /// <param name="content">The bytes.</param>
    /// <returns>Lower-case hex.</returns>
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Hashes a stream to its end.</summary>
    /// <param name="content">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Lower-case hex.</returns>
    public static async Task<string> OfAsync(Stream content, CancellationToken cancellationToken = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false));
}
