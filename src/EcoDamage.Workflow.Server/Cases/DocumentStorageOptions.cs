namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Where attached document content is kept, bound from the <c>Documents</c> section.</summary>
internal sealed class DocumentStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Documents";

    /// <summary>The folder holding content files named by their SHA-256; relative paths are under the content root.</summary>
    /// <value>Default: <c>data/documents</c>, beside the embedded database.</value>
    public string Directory { get; set; } = "data/documents";

    /// <summary>The largest document accepted; a larger upload is answered with 413.</summary>
    /// <value>Default: 3 MiB (below Kestrel's 4 MiB request limit, leaving room for the form's other parts).</value>
    public long MaxBytes { get; set; } = 3 * 1024 * 1024;
}
