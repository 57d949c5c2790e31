namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>One reason a trigger was refused.</summary>
/// <param name="Kind">The kind of reason (maps to 409/422 in the API).</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Subject">The field, document, role or guard concerned, when there is one.</param>
public sealed record Refusal(RefusalKind Kind, string Message, string? Subject = null);
