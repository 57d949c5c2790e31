namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>What a compiled expression reads when it is evaluated.</summary>
public interface IEvaluationContext
{
    /// <summary>The date the expression is evaluated for (the firing date), returned by <c>today()</c>.</summary>
    NodaTime.LocalDate Today { get; }

    /// <summary>Reads a field: the case data overlaid with the trigger's data.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The value in its runtime representation (see <see cref="Definitions.DataType"/>), or
    /// <see langword="null"/> when it is missing. <see cref="int"/> is accepted for numeric fields and
    /// <see cref="long"/> for Money and Decimal fields.</param>
    /// <returns><see langword="true"/> when the field has an entry, even a <see langword="null"/> one.</returns>
    bool TryGetValue(string field, out object? value);
}
