namespace EcoDamage.Workflow.Server.Access;

/// <summary>One read of a case as <c>GET /api/cases/{id}/reads</c> shows it.</summary>
/// <param name="Subject">Who read (actor id).</param>
/// <param name="Role">In which role.</param>
/// <param name="Department">Their department, when known.</param>
/// <param name="What">What was read (<c>case</c>, <c>audit</c>, <c>audit/verify</c>, <c>links</c>, …).</param>
/// <param name="At">When.</param>
internal sealed record CaseReadView(string Subject, string Role, string? Department, string What, DateTimeOffset At);
