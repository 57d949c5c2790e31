namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The declared values of an enum field or parameter, and how to name it in messages.</summary>
internal sealed record EnumDomain(string Description, IReadOnlyList<string> Values);
