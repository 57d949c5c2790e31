using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// Who may attach a kind of document (issue 13): the roles its declaration names (<c>roles:</c>), else every role that
/// may fire a trigger of the running definitions requiring it (on the trigger or on one of its transitions). The
/// obligor cannot attach the department's preliminary-check report and case-opening decision for <c>OpenCase</c>.
/// </summary>
public static class DocumentAttachRule
{
    /// <summary>Whether <paramref name="role"/> may attach a document of <paramref name="type"/> to a case running <paramref name="definitions"/>.</summary>
    /// <param name="definitions">The definitions the case runs (its frames and branches).</param>
    /// <param name="type">The document type.</param>
    /// <param name="role">The actor's role.</param>
    /// <returns>True when allowed.</returns>
    public static bool Allows(IEnumerable<WorkflowDefinition> definitions, string type, string role)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var running = definitions.ToArray();
        var declared = running.SelectMany(d => d.Documents).Where(d => d.Id == type).ToArray();
        if (declared.Any(d => d.Roles.Count > 0))
        {
            return declared.Any(d => d.Roles.Any(r => r.Text == role));
        }

        return running.SelectMany(d => RolesRequiring(d, type)).Contains(role, StringComparer.Ordinal);
    }

    /// <summary>The roles of <paramref name="definition"/>'s triggers that require <paramref name="type"/>.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="type">The document type.</param>
    /// <returns>The roles (with repeats).</returns>
    public static IEnumerable<string> RolesRequiring(WorkflowDefinition definition, string type)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var onTransitions = definition.AllStates().SelectMany(s => s.Transitions)
            .Where(t => t.Requires.Documents.Any(d => d.Text == type)).Select(t => t.Trigger.Text).ToHashSet(StringComparer.Ordinal);
        return definition.Triggers
            .Where(t => onTransitions.Contains(t.Id) || t.Requires.Documents.Any(d => d.Text == type))
            .SelectMany(t => t.Roles.Select(r => r.Text));
    }
}
