using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>Attaches a document to a case: its metadata and the SHA-256 of its content.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="DocumentType">Document type id from the definition.</param>
/// <param name="ServedOn">The date it was issued or served.</param>
/// <param name="FileName">Original file name.</param>
/// <param name="MediaType">Content type (e.g. <c>application/pdf</c>).</param>
/// <param name="Length">Content length in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex (see <see cref="DocumentHash"/>).</param>
/// <param name="Actor">Who attaches it.</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
/// <param name="ExpectedVersion">The case version the caller saw, or null.</param>
public sealed record AttachDocument(
    string CaseId,
    string DocumentType,
    LocalDate ServedOn,
    string FileName,
    string MediaType,
    long Length,
    string Sha256,
    Actor Actor,
    string? IdempotencyKey = null,
    long? ExpectedVersion = null) : CaseCommand(Actor, IdempotencyKey);
