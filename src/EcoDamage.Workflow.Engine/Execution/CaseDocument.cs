using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A document attached to a case (metadata; contents live in storage).</summary>
/// <param name="Type">Document type id from the definition.</param>
/// <param name="ServedOn">The date it was issued or served (deadlines may count from it).</param>
/// <param name="Reference">Caller's reference (file number, storage key, hash).</param>
/// <param name="AttachedAt">When it was attached.</param>
public sealed record CaseDocument(string Type, LocalDate ServedOn, string? Reference, Instant AttachedAt);
