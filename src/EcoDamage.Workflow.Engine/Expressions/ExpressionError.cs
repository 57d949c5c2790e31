namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>A problem found while compiling an expression.</summary>
/// <param name="RuleId">The rule, one of the <see cref="ExpressionRuleIds"/> constants (for example <c>EXPR002</c>).</param>
/// <param name="Message">A precise English description.</param>
/// <param name="Offset">The 0-based offset of the offending text in the expression.</param>
/// <param name="Length">The length of the offending text (0 at the end of the expression).</param>
public sealed record ExpressionError(string RuleId, string Message, int Offset, int Length);
