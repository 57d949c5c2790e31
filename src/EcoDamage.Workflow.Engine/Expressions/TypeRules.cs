using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Promotion and compatibility rules between <see cref="DataType"/>s.</summary>
internal static class TypeRules
{
    public static bool IsNumeric(DataType type) => type is DataType.Integer or DataType.Money or DataType.Decimal;

    public static bool IsText(DataType type) => type is DataType.Text or DataType.Enum;

    /// <summary>Integer with Integer stays Integer; otherwise decimal: Money if either side is Money.</summary>
    public static DataType Promote(DataType left, DataType right) =>
        left == DataType.Integer && right == DataType.Integer ? DataType.Integer
        : left == DataType.Money || right == DataType.Money ? DataType.Money
        : DataType.Decimal;

    /// <summary>The representation two operands are compared in, or <see langword="null"/> when they cannot be.</summary>
    public static ComparisonDomain? Domain(DataType left, DataType right)
    {
        if (IsNumeric(left) && IsNumeric(right))
        {
            return Promote(left, right) == DataType.Integer ? ComparisonDomain.Integer : ComparisonDomain.Decimal;
        }

        if (IsText(left) && IsText(right))
        {
            return ComparisonDomain.Text;
        }

        return left != right ? null
            : left == DataType.Date ? ComparisonDomain.Date
            : left == DataType.Boolean ? ComparisonDomain.Boolean
            : null;
    }

    /// <summary>Whether a result of type <paramref name="actual"/> may stand where <paramref name="expected"/> is
    /// wanted: the same type, Integer for Money or Decimal, Money and Decimal for each other, Text and Enum for each other.</summary>
    public static bool IsAssignable(DataType actual, DataType expected) =>
        actual == expected
        || (expected is DataType.Money or DataType.Decimal && IsNumeric(actual))
        || (IsText(actual) && IsText(expected));

    /// <summary>Brings a parameter value to its type's runtime representation; false when it does not fit.</summary>
    public static bool TryNormalize(object? value, DataType type, out object? normalized)
    {
        normalized = (type, value) switch
        {
            (_, null) => null,
            (DataType.Boolean, bool b) => b,
            (DataType.Integer, long l) => l,
            (DataType.Integer, int i) => (long)i,
            (DataType.Money or DataType.Decimal, decimal d) => d,
            (DataType.Money or DataType.Decimal, long l) => (decimal)l,
            (DataType.Money or DataType.Decimal, int i) => (decimal)i,
            (DataType.Text or DataType.Enum, string s) => s,
            (DataType.Date, NodaTime.LocalDate d) => d,
            _ => Invalid,
        };
        if (ReferenceEquals(normalized, Invalid))
        {
            normalized = null;
            return false;
        }

        return true;
    }

    private static readonly object Invalid = new();
}
