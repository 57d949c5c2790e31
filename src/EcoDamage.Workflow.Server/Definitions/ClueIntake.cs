using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// The clue-intake definition of a catalog: the newest version of the definition that declares <c>intake:</c>
/// (registering a clue starts a case on it; its clue states and listing fields drive the clue list and forms).
/// </summary>
internal static class ClueIntake
{
    /// <summary>The intake definition, or null when no loaded definition declares <c>intake:</c>.</summary>
    public static WorkflowDefinition? Find(WorkflowCatalog catalog) =>
        catalog.Workflows.Select(w => w.Definition).Where(d => d.Intake is not null).MaxBy(d => d.Version);

    /// <summary>The states in which a case is listed as a clue (none without an intake definition).</summary>
    public static string[] ClueStates(WorkflowCatalog catalog) =>
        Find(catalog)?.Intake?.ClueStates.Select(s => s.Text).ToArray() ?? [];
}
