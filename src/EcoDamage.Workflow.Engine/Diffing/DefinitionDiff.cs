using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>The semantic differences between two versions of a definition (<see cref="DefinitionDiffer.Diff"/>).</summary>
/// <param name="From">The older version's <c>id@version</c>.</param>
/// <param name="To">The newer version's <c>id@version</c>.</param>
/// <param name="Changes">Every change, in a deterministic order: the definition's own settings, parameters, data fields,
/// documents, collections, triggers, the start, the states (with their deadlines, actions and transitions), listing, intake.</param>
public sealed record DefinitionDiff(string From, string To, IReadOnlyList<DefinitionChange> Changes)
{
    /// <summary>True when the two versions mean the same thing.</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>One sentence per change, in order.</summary>
    /// <param name="language"><c>en</c> for English; anything else for Chinese.</param>
    /// <returns>The sentences.</returns>
    public IReadOnlyList<string> Describe(string language) => Changes.Select(c => c.Describe(language)).ToList();

    internal static DefinitionDiff Of(WorkflowDefinition from, WorkflowDefinition to, IReadOnlyList<DefinitionChange> changes) =>
        new(from.Key, to.Key, changes);
}
