using System.Diagnostics.CodeAnalysis;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>An <see cref="IExpressionScope"/> over fixed lists of fields and parameters.</summary>
public sealed class ExpressionScope : IExpressionScope
{
    private readonly Dictionary<string, FieldSymbol> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterSymbol> _parameters = new(StringComparer.Ordinal);

    /// <summary>Creates a scope.</summary>
    /// <param name="fields">The case data fields.</param>
    /// <param name="parameters">The definition parameters, if any.</param>
    /// <exception cref="ArgumentException">Two fields or two parameters share a name.</exception>
    public ExpressionScope(IEnumerable<FieldSymbol> fields, IEnumerable<ParameterSymbol>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            if (!_fields.TryAdd(field.Name, field))
            {
                throw new ArgumentException($"Field '{field.Name}' is declared twice.", nameof(fields));
            }
        }

        foreach (var parameter in parameters ?? [])
        {
            if (!_parameters.TryAdd(parameter.Name, parameter))
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' is declared twice.", nameof(parameters));
            }
        }
    }

    /// <summary>A scope with no fields and no parameters.</summary>
    public static ExpressionScope Empty { get; } = new([]);

    /// <inheritdoc/>
    public IEnumerable<string> FieldNames => _fields.Keys;

    /// <inheritdoc/>
    public IEnumerable<string> ParameterNames => _parameters.Keys;

    /// <inheritdoc/>
    public bool TryGetField(string name, [MaybeNullWhen(false)] out FieldSymbol symbol) =>
        _fields.TryGetValue(name, out symbol);

    /// <inheritdoc/>
    public bool TryGetParameter(string name, [MaybeNullWhen(false)] out ParameterSymbol symbol) =>
        _parameters.TryGetValue(name, out symbol);
}
