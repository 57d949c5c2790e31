using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Expressions.ExpressionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

public sealed class CompiledExpressionTests
{
    [Theory]
    [InlineData("meetingCount + 1", DataType.Integer)]
    [InlineData("meetingCount / 2", DataType.Decimal)]
    [InlineData("estimatedDamage - 1", DataType.Money)]
    [InlineData("ratio * 2", DataType.Decimal)]
    [InlineData("channel", DataType.Enum)]
    [InlineData("courtName", DataType.Text)]
    [InlineData("today()", DataType.Date)]
    [InlineData("has(ratio)", DataType.Boolean)]
    public void ResultType_WithoutExpectedType_IsInferred(string text, DataType expected)
    {
        Assert.Equal(expected, Compile(text).ResultType);
    }

    [Theory]
    [InlineData("0", DataType.Money, 0)]
    [InlineData("meetingCount * 1000", DataType.Money, 2000)]
    [InlineData("ratio * 2", DataType.Money, 1)]
    [InlineData("estimatedDamage / 4", DataType.Decimal, 250)]
    public void Evaluate_AssignmentToWiderNumericType_ReturnsDecimalOfExpectedType(string text, DataType expected, int value)
    {
        var expression = Compile(text, expected);

        Assert.Equal(expected, expression.ResultType);
        Assert.Equal((decimal)value, expression.Evaluate(Context(("meetingCount", 2L), ("ratio", 0.5m), ("estimatedDamage", 1000m))));
    }

    [Fact]
    public void Evaluate_TextAssignedToEnum_ReturnsString()
    {
        var expression = Compile("'mediation'", DataType.Enum);

        Assert.Equal(DataType.Enum, expression.ResultType);
        Assert.Equal("mediation", expression.Evaluate(Context()));
    }

    [Fact]
    public void Evaluate_NullAssignment_ReturnsNullOfExpectedType()
    {
        var expression = Compile("null", DataType.Money);

        Assert.Equal(DataType.Money, expression.ResultType);
        Assert.Null(expression.Evaluate(Context()));
        Assert.False(Compile("null", DataType.Boolean).EvaluateBoolean(Context()));
    }

    [Fact]
    public void ReferencedNames_ListFieldsParametersAndToday()
    {
        var expression = Compile(
            "has(courtName) && estimatedDamage < param.simplifiedThreshold && days(incidentDate, today()) < param.maxMeetings"
            + " && estimatedDamage > 0");

        Assert.Equal(["courtName", "estimatedDamage", "incidentDate"], expression.ReferencedFields.Order());
        Assert.Equal(["maxMeetings", "simplifiedThreshold"], expression.ReferencedParameters.Order());
        Assert.True(expression.ReferencesToday);
        Assert.False(Compile("meetingCount > 1").ReferencesToday);
    }

    [Fact]
    public void Compile_ParametersAreFoldedAtCompileTime()
    {
        var threshold = new ParameterSymbol("threshold", DataType.Money, 100m);
        var scope = new ExpressionScope([new FieldSymbol("amount", DataType.Money)], [threshold]);
        var result = ExpressionCompiler.Compile("amount < param.threshold * 2", scope, DataType.Boolean);

        Assert.True(result.Success);
        Assert.True(result.Expression.EvaluateBoolean(Context(("amount", 199m))));
        Assert.False(result.Expression.EvaluateBoolean(Context(("amount", 200m))));
    }

    [Fact]
    public void Compile_ConstantGuard_NeverReadsTheContext()
    {
        var expression = Compile("param.maxMeetings > 2 && (1 + 1 == 2 || today() > date('2000-01-01'))", DataType.Boolean);

        Assert.True(expression.EvaluateBoolean(new ThrowingContext()));
    }

    [Fact]
    public void EvaluateBoolean_TypicalGuard_DoesNotAllocate()
    {
        var expressions = new[]
        {
            Compile("estimatedDamage < param.simplifiedThreshold && factsSimple && liabilityUndisputed", DataType.Boolean),
            Compile("channel in ['consultation', 'mediation'] and not has(courtName)", DataType.Boolean),
            Compile("days(incidentDate, today()) <= 30 || meetingCount + 1 > param.maxMeetings", DataType.Boolean),
            Compile("estimatedDamage * ratio / 2 >= 100 && estimatedDamage != null", DataType.Boolean),
        };
        var context = Context(("estimatedDamage", 1000m), ("factsSimple", true), ("liabilityUndisputed", true),
            ("channel", "mediation"), ("incidentDate", new LocalDate(2026, 3, 1)), ("meetingCount", 1L), ("ratio", 0.5m));
        var results = expressions.Select(e => e.EvaluateBoolean(context)).ToArray();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var expression in expressions)
            {
                expression.EvaluateBoolean(context);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal([true, true, true, true], results);
    }

    [Fact]
    public void ExpressionScope_DuplicateField_Throws()
    {
        var field = new FieldSymbol("a", DataType.Integer);

        var error = Assert.Throws<ArgumentException>(() => new ExpressionScope([field, field]));
        Assert.StartsWith("Field 'a' is declared twice.", error.Message);
    }

    private sealed class ThrowingContext : IEvaluationContext
    {
        public LocalDate Today => throw new InvalidOperationException("read today");

        public bool TryGetValue(string field, out object? value) => throw new InvalidOperationException("read " + field);
    }
}
