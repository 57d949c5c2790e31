namespace EcoDamage.Workflow.Server.Documents;

/// <summary>
/// Uploaded content written to a temporary file beside the store, hashed and sniffed, not yet in the store: the
/// upload endpoint keeps it (<see cref="Cases.DocumentContentStore.Keep"/>) only once the attach command is
/// accepted, and otherwise the temporary file is deleted on disposal, so a refused upload leaves no file behind.
/// </summary>
/// <param name="TempPath">The temporary file.</param>
/// <param name="Sha256">The content's SHA-256, lower-case hex.</param>
/// <param name="Length">The content's length in bytes.</param>
/// <param name="MediaType">The sniffed media type, or null when the type is not allowed.</param>
internal sealed record StagedDocument(string TempPath, string Sha256, long Length, string? MediaType) : IDisposable
{
    /// <summary>Deletes the temporary file if it is still there (the content was refused, or it was moved already).</summary>
    public void Dispose() => File.Delete(TempPath);
}
