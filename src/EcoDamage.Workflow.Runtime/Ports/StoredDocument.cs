using NodaTime;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>Metadata of an attached document and the SHA-256 of its content.</summary>
/// <param name="Id">Document id.</param>
/// <param name="CaseId">The case.</param>
/// <param name="DocumentType">Document type id.</param>
/// <param name="FileName">Original file name.</param>
/// <param name="MediaType">Content type.</param>
/// <param name="Length">Length in bytes.</param>
/// <param name="Sha256">Content hash, lower-case hex.</param>
/// <param name="ServedOn">Date issued or served.</param>
/// <param name="AttachedAt">When attached.</param>
/// <param name="AttachedBy">Actor id.</param>
public sealed record StoredDocument(
    Guid Id,
    string CaseId,
    string DocumentType,
    string FileName,
    string MediaType,
    long Length,
    string Sha256,
    LocalDate ServedOn,
    Instant AttachedAt,
    string AttachedBy);
