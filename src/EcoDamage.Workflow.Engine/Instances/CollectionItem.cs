using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>One recorded item of a case's collection.</summary>
/// <param name="Id">Stable item id within the collection: <c>1</c>, <c>2</c>, … in recording order.</param>
/// <param name="Values">Member values, typed per the collection's members.</param>
public sealed record CollectionItem(string Id, CaseData Values);
