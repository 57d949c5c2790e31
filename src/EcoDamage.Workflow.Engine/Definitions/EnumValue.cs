namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>One allowed value of an enum field, with its label.</summary>
/// <param name="Id">The value as stored and written in expressions.</param>
/// <param name="Name">Its label, when given.</param>
public sealed record EnumValue(string Id, LocalizedText? Name);
