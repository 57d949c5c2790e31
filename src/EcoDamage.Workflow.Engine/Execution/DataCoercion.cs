using System.Globalization;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Loading;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>Turns values supplied by callers (typed, or as text) into the field's runtime type.</summary>
internal static class DataCoercion
{
    public static bool TryCoerce(FieldDefinition field, object? input, out object? value, out string? error)
    {
        error = null;
        value = input switch
        {
            // Already the field's runtime type: kept as it is (no re-boxing).
            bool when field.Type == DataType.Boolean => input,
            long when field.Type == DataType.Integer => input,
            decimal when field.Type is DataType.Money or DataType.Decimal => input,
            string when field.Type is DataType.Text => input,
            string s when field.Type is DataType.Enum => s,
            LocalDate when field.Type == DataType.Date => input,
            null => null,
            string s => DataValues.TryParse(field.Type, s, out var parsed) ? parsed : Fail(),
            bool b when field.Type == DataType.Boolean => b,
            int i when field.Type == DataType.Integer => (long)i,
            long l when field.Type == DataType.Integer => l,
            int i when field.Type is DataType.Money or DataType.Decimal => (decimal)i,
            long l when field.Type is DataType.Money or DataType.Decimal => (decimal)l,
            decimal d when field.Type is DataType.Money or DataType.Decimal => d,
            double d when field.Type is DataType.Money or DataType.Decimal && double.IsFinite(d) => (decimal)d,
            decimal d when field.Type == DataType.Integer && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
            LocalDate date when field.Type == DataType.Date => date,
            _ => Fail(),
        };

        if (ReferenceEquals(value, Failed))
        {
            value = null;
            error = string.Create(CultureInfo.InvariantCulture, $"'{input}' is not a valid {field.Type.ToString().ToLowerInvariant()} for field '{field.Id}'");
            return false;
        }

        // Error 13: an amount of money (damage, award, payment) is never negative.
        if (field.Type == DataType.Money && value is decimal amount && amount < 0)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{amount}' is not a valid amount for field '{field.Id}': money is never negative");
            value = null;
            return false;
        }

        if (field.Type == DataType.Enum && value is string s2 && !field.Values.Any(v => v.Id == s2))
        {
            error = $"'{s2}' is not an allowed value of '{field.Id}' (allowed: {string.Join(", ", field.Values.Select(v => v.Id))})";
            value = null;
            return false;
        }

        return true;
    }

    private static readonly object Failed = new();

    private static object Fail() => Failed;
}
