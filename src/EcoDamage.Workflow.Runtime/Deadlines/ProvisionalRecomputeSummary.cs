namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>What one <see cref="ProvisionalDeadlineRecomputer.RunAsync"/> did.</summary>
/// <param name="Examined">Cases with open provisional deadlines that were read.</param>
/// <param name="Cases">Cases committed with moved deadlines (each with its <c>deadlines.recomputed</c> audit event).</param>
/// <param name="Deadlines">Deadlines moved or no longer provisional, over those cases.</param>
/// <param name="Conflicts">Cases changed by another writer on every attempt: left as they are (a later run recomputes them).</param>
/// <param name="Failures">Cases that could not be read or recomputed (a damaged snapshot, a definition no longer in the catalog).</param>
public sealed record ProvisionalRecomputeSummary(int Examined, int Cases, int Deadlines, int Conflicts, IReadOnlyList<DeadlineTickFailure> Failures);
