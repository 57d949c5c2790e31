using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// One running definition of a case. The root frame is the claim; a state with a <c>call</c> pushes a
/// frame for the sub-process, pinned to the version it started with.
/// </summary>
/// <param name="DefinitionId">Definition id.</param>
/// <param name="Version">Pinned version.</param>
/// <param name="State">Current (leaf) state.</param>
public sealed record CaseFrame(string DefinitionId, SemanticVersion Version, string State)
{
    /// <summary><c>id@version</c>.</summary>
    public string DefinitionKey => $"{DefinitionId}@{Version}";
}
