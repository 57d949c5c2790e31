using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

/// <summary>A realistic scope and helpers shared by the expression tests.</summary>
internal static class ExpressionFixture
{
    public static readonly LocalDate Today = new(2026, 3, 15);

    public static readonly ExpressionScope Scope = new(
        [
            new FieldSymbol("estimatedDamage", DataType.Money),
            new FieldSymbol("meetingCount", DataType.Integer),
            new FieldSymbol("factsSimple", DataType.Boolean),
            new FieldSymbol("liabilityUndisputed", DataType.Boolean),
            new FieldSymbol("channel", DataType.Enum, ["consultation", "mediation", "litigation"]),
            new FieldSymbol("courtName", DataType.Text),
            new FieldSymbol("incidentDate", DataType.Date),
            new FieldSymbol("noticeDate", DataType.Date),
            new FieldSymbol("ratio", DataType.Decimal),
        ],
        [
            new ParameterSymbol("simplifiedThreshold", DataType.Money, 500000m),
            new ParameterSymbol("maxMeetings", DataType.Integer, 3),
            new ParameterSymbol("defaultChannel", DataType.Enum, "consultation", ["consultation", "mediation", "litigation"]),
            new ParameterSymbol("cutoff", DataType.Date, new LocalDate(2026, 1, 1)),
            new ParameterSymbol("unset", DataType.Money, null),
            new ParameterSymbol("broken", DataType.Money, "lots"),
        ]);

    public static DictionaryContext Context(params (string Name, object? Value)[] values) =>
        new(Today, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    public static CompiledExpression Compile(string text, DataType? expectedType = null)
    {
        var result = ExpressionCompiler.Compile(text, Scope, expectedType);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        return result.Expression;
    }

    public static object? Evaluate(string text, params (string Name, object? Value)[] values) =>
        Compile(text).Evaluate(Context(values));

    public static bool Guard(string text, params (string Name, object? Value)[] values) =>
        Compile(text, DataType.Boolean).EvaluateBoolean(Context(values));

    /// <summary>Compiles text that must fail and returns its only error.</summary>
    public static ExpressionError SingleError(string text, DataType? expectedType = null) =>
        Assert.Single(Errors(text, expectedType));

    public static IReadOnlyList<ExpressionError> Errors(string text, DataType? expectedType = null)
    {
        var result = ExpressionCompiler.Compile(text, Scope, expectedType);
        Assert.False(result.Success);
        Assert.Null(result.Expression);
        return result.Errors;
    }
}
