using NodaTime;

namespace EcoDamage.Workflow.Runtime.Access;

/// <summary>One read of a case by a person or system (who, in which role and department, when, what).</summary>
/// <param name="CaseId">The case read.</param>
/// <param name="Subject">The reader's actor id.</param>
/// <param name="Role">The reader's role.</param>
/// <param name="Department">The reader's department, when known.</param>
/// <param name="What">What was read: <c>case</c>, <c>audit</c>, <c>audit/verify</c>, <c>documents</c>, <c>participants</c>, <c>links</c>, <c>reads</c>.</param>
/// <param name="At">When.</param>
public sealed record CaseRead(string CaseId, string Subject, string Role, string? Department, string What, Instant At);
