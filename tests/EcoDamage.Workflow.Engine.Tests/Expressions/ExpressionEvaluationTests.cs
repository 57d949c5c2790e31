using EcoDamage.Workflow.Engine.Definitions;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Expressions.ExpressionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

public sealed class ExpressionEvaluationTests
{
    private const string SimplifiedGuard = "estimatedDamage < param.simplifiedThreshold && factsSimple && liabilityUndisputed";

    [Theory]
    [InlineData(499999.99, true, true, true)]
    [InlineData(500000, true, true, false)]
    [InlineData(100, false, true, false)]
    [InlineData(100, true, false, false)]
    public void EvaluateBoolean_SimplifiedProcedureGuard_FollowsEveryCondition(double damage, bool simple, bool undisputed, bool expected)
    {
        var context = Context(("estimatedDamage", (decimal)damage), ("factsSimple", simple), ("liabilityUndisputed", undisputed));

        Assert.Equal(expected, Compile(SimplifiedGuard, DataType.Boolean).EvaluateBoolean(context));
    }

    [Theory]
    [InlineData("1 + 2 * 3", 7L)]
    [InlineData("(1 + 2) * 3", 9L)]
    [InlineData("10 - 4 - 3", 3L)]
    [InlineData("-2 * -3", 6L)]
    [InlineData("- -4", 4L)]
    [InlineData("meetingCount + 1", 3L)]
    [InlineData("abs(3 - 10)", 7L)]
    [InlineData("min(meetingCount, 5)", 2L)]
    [InlineData("max(meetingCount, 5)", 5L)]
    [InlineData("len('生态损害')", 4L)]
    [InlineData("len(courtName)", 5L)]
    [InlineData("days(date('2026-01-01'), date('2026-03-01'))", 59L)]
    [InlineData("days(noticeDate, incidentDate)", -10L)]
    [InlineData("days(incidentDate, today())", 14L)]
    [InlineData("param.maxMeetings * 2", 6L)]
    public void Evaluate_IntegerExpressions_ReturnLong(string text, long expected)
    {
        var value = Evaluate(text, ("meetingCount", 2L), ("courtName", "Court"),
            ("incidentDate", new LocalDate(2026, 3, 1)), ("noticeDate", new LocalDate(2026, 3, 11)));

        Assert.Equal(expected, Assert.IsType<long>(value));
    }

    [Theory]
    [InlineData("7 / 2", "3.5", DataType.Decimal)]
    [InlineData("1.5 * 2", "3.0", DataType.Decimal)]
    [InlineData("estimatedDamage + 1", "1001.5", DataType.Money)]
    [InlineData("estimatedDamage * ratio", "500.25", DataType.Money)]
    [InlineData("ratio * 4", "2.0", DataType.Decimal)]
    [InlineData("estimatedDamage / 2", "500.25", DataType.Money)]
    [InlineData("-estimatedDamage", "-1000.5", DataType.Money)]
    [InlineData("abs(-ratio)", "0.5", DataType.Decimal)]
    [InlineData("max(meetingCount, ratio)", "2", DataType.Decimal)]
    [InlineData("min(estimatedDamage, param.simplifiedThreshold)", "1000.5", DataType.Money)]
    public void Evaluate_DecimalExpressions_PromoteAndKeepMoney(string text, string expected, DataType type)
    {
        var expression = Compile(text);
        var value = expression.Evaluate(Context(("estimatedDamage", 1000.5m), ("ratio", 0.5m), ("meetingCount", 2L)));

        Assert.Equal(type, expression.ResultType);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<decimal>(value));
    }

    [Theory]
    [InlineData("meetingCount == 2", true)]
    [InlineData("meetingCount != 2", false)]
    [InlineData("meetingCount < 2.5", true)]
    [InlineData("2 <= meetingCount", true)]
    [InlineData("param.maxMeetings > meetingCount", true)]
    [InlineData("meetingCount >= 3", false)]
    [InlineData("estimatedDamage == 1000.50", true)]
    [InlineData("incidentDate < param.cutoff", false)]
    [InlineData("incidentDate >= date('2026-03-01')", true)]
    [InlineData("channel == 'mediation'", true)]
    [InlineData("channel != param.defaultChannel", true)]
    [InlineData("courtName == 'Court'", true)]
    [InlineData("courtName < 'D'", true)]
    [InlineData("factsSimple == true", true)]
    [InlineData("factsSimple != liabilityUndisputed", true)]
    [InlineData("meetingCount in [1, 2, 3]", true)]
    [InlineData("meetingCount in [1.5, 2.0]", true)]
    [InlineData("meetingCount not in [1, 3]", true)]
    [InlineData("meetingCount + 1 in [3]", true)]
    [InlineData("channel in ['consultation', 'mediation']", true)]
    [InlineData("channel not in ['consultation', param.defaultChannel]", true)]
    [InlineData("incidentDate in [date('2026-03-01'), param.cutoff]", true)]
    [InlineData("factsSimple in [false]", false)]
    [InlineData("meetingCount in []", false)]
    [InlineData("meetingCount in [-2, 2 * 1]", true)]
    [InlineData("!factsSimple || not liabilityUndisputed", true)]
    [InlineData("factsSimple and liabilityUndisputed or meetingCount == 2", true)]
    [InlineData("factsSimple or liabilityUndisputed and false", true)]
    [InlineData("(factsSimple or liabilityUndisputed) and false", false)]
    [InlineData("has(courtName) && !has(ratio)", true)]
    [InlineData("today() == date('2026-03-15')", true)]
    [InlineData("null == null", true)]
    public void EvaluateBoolean_Comparisons_FollowOperatorSemantics(string text, bool expected)
    {
        var context = Context(("meetingCount", 2L), ("estimatedDamage", 1000.5m), ("channel", "mediation"),
            ("courtName", "Court"), ("factsSimple", true), ("liabilityUndisputed", false),
            ("incidentDate", new LocalDate(2026, 3, 1)));

        Assert.Equal(expected, Compile(text, DataType.Boolean).EvaluateBoolean(context));
    }

    [Theory]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'back\\\\slash'", "back\\slash")]
    [InlineData("\"single ' inside\"", "single ' inside")]
    public void Evaluate_StringLiterals_DecodeEscapes(string text, string expected)
    {
        Assert.Equal(expected, Evaluate(text));
    }

    [Fact]
    public void Evaluate_DateExpression_ReturnsLocalDate()
    {
        Assert.Equal(new LocalDate(2026, 1, 1), Evaluate("min(today(), param.cutoff)"));
        Assert.Equal(Today, Evaluate("today()"));
    }

    [Fact]
    public void Evaluate_WrongRuntimeTypeInContext_Throws()
    {
        var expression = Compile("meetingCount > 1", DataType.Boolean);

        var error = Assert.Throws<InvalidOperationException>(() => expression.EvaluateBoolean(Context(("meetingCount", "two"))));
        Assert.Equal("Field 'meetingCount' is read as Integer but the context holds a System.String.", error.Message);
    }

    [Fact]
    public void EvaluateBoolean_NonBooleanExpression_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compile("meetingCount").EvaluateBoolean(Context()));
        Assert.Equal("Expression 'meetingCount' has type Integer, not Boolean.", error.Message);
    }
}
