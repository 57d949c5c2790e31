using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>
/// How running cases of one definition move from one version to another on purpose: old state → new state, and what
/// happens to their open deadlines. A state the map does not name keeps its id when the new version still declares it.
/// </summary>
/// <param name="DefinitionId">The root definition id of the cases migrated (e.g. <c>claim</c>).</param>
/// <param name="From">The version the cases are on.</param>
/// <param name="To">The version they move to.</param>
/// <param name="StateMap">Old state id → new state id (leaf states: a case is in a leaf).</param>
/// <param name="Deadlines">What happens to open deadlines of the root definition.</param>
public sealed record MigrationPlan(
    string DefinitionId,
    SemanticVersion From,
    SemanticVersion To,
    IReadOnlyDictionary<string, string> StateMap,
    DeadlinePolicy Deadlines)
{
    /// <summary>Per-deadline policies (deadline id of the old version → policy) that override <see cref="Deadlines"/>.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<string, DeadlinePolicy> DeadlineOverrides { get; init; } = new Dictionary<string, DeadlinePolicy>(StringComparer.Ordinal);

    /// <summary>The policy for the open deadline <paramref name="deadlineId"/>.</summary>
    /// <param name="deadlineId">A deadline id of the old version.</param>
    /// <returns>Its override, else <see cref="Deadlines"/>.</returns>
    public DeadlinePolicy PolicyFor(string deadlineId) =>
        DeadlineOverrides.TryGetValue(deadlineId, out var policy) ? policy : Deadlines;
}
