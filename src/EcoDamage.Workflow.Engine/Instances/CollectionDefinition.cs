using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>
/// A collection of items a case records (<c>collections:</c>), e.g. the repair phases of one agreement (R21, R25): a
/// trigger that <c>collect</c>s it carries the items as a record list, and a <c>call</c> with <c>forEach</c> runs a
/// sub-process once per item.
/// </summary>
/// <param name="Id">Collection id: the key of the record list in a collecting trigger's data.</param>
/// <param name="Name">Label.</param>
/// <param name="Members">The members of an item, with their types.</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record CollectionDefinition(
    string Id,
    LocalizedText Name,
    IReadOnlyList<CollectionMember> Members,
    IReadOnlyList<Token> Implements,
    SourcePosition Position);
