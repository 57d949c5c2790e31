namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary><c>field: expression</c> evaluated when a transition is taken (e.g. <c>meetingCount: meetingCount + 1</c>).</summary>
/// <param name="Field">The field assigned.</param>
/// <param name="Value">The expression giving its new value.</param>
public sealed record Assignment(Token Field, ExpressionSource Value);
