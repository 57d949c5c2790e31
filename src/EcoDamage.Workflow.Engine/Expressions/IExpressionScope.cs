using System.Diagnostics.CodeAnalysis;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The names an expression may use at compile time: case data fields and definition parameters.</summary>
/// <remarks>Names are case-sensitive. <see cref="ExpressionScope"/> is a ready-made implementation.</remarks>
public interface IExpressionScope
{
    /// <summary>All field names, used to suggest a close match for an unknown name.</summary>
    IEnumerable<string> FieldNames { get; }

    /// <summary>All parameter names (without the <c>param.</c> prefix), used for suggestions.</summary>
    IEnumerable<string> ParameterNames { get; }

    /// <summary>Looks up a case data field by name.</summary>
    /// <param name="name">The field name as written in the expression.</param>
    /// <param name="symbol">The field, when it exists.</param>
    /// <returns><see langword="true"/> when the field exists.</returns>
    bool TryGetField(string name, [MaybeNullWhen(false)] out FieldSymbol symbol);

    /// <summary>Looks up a definition parameter (written <c>param.NAME</c>) by name.</summary>
    /// <param name="name">The parameter name without the <c>param.</c> prefix.</param>
    /// <param name="symbol">The parameter with its constant value, when it exists.</param>
    /// <returns><see langword="true"/> when the parameter exists.</returns>
    bool TryGetParameter(string name, [MaybeNullWhen(false)] out ParameterSymbol symbol);
}
