namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>The outcome of <see cref="DeadlineEngine.RequestExtension"/> or <see cref="DeadlineEngine.ApproveExtension"/>.</summary>
/// <param name="Case">The case after the step (the same instance when refused).</param>
/// <param name="Before">The deadline before the step; null when the deadline is unknown.</param>
/// <param name="After">The deadline after the step; null when refused.</param>
/// <param name="Refusals">Why the step was refused; empty when accepted.</param>
public sealed record ExtensionResult(
    CaseInstance Case,
    DeadlineInstance? Before,
    DeadlineInstance? After,
    IReadOnlyList<Refusal> Refusals)
{
    /// <summary>Whether the step was accepted.</summary>
    public bool Accepted => Refusals.Count == 0;
}
