namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>The outcome of <see cref="DeadlineEngine.RecomputeProvisional"/>.</summary>
/// <param name="Case">The case after recomputation (the same instance when nothing moved).</param>
/// <param name="Changed">Each recomputed deadline, before and after.</param>
public sealed record RecomputeResult(CaseInstance Case, IReadOnlyList<(DeadlineInstance Before, DeadlineInstance After)> Changed);
