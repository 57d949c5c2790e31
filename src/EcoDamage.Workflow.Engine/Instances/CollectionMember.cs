using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>One member of a collection's items.</summary>
/// <param name="Name">Member name; a branch's data field of the same id is seeded from it.</param>
/// <param name="Type">A data type (<c>boolean</c>, <c>integer</c>, <c>money</c>, <c>decimal</c>, <c>text</c>, <c>date</c>) or the id of a data field whose type (and enum values) it takes.</param>
public sealed record CollectionMember(Token Name, Token Type);
