namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>The outcome of <see cref="DeadlineEngine.Tick"/>: the case after the due events, and the events.</summary>
/// <param name="Case">The case after reminders, escalations and auto-fires.</param>
/// <param name="Events">What happened, in due order.</param>
public sealed record TickResult(CaseInstance Case, IReadOnlyList<DeadlineEvent> Events);
