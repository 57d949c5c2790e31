using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;
using static EcoDamage.Workflow.Engine.Tests.Expressions.ExpressionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

public sealed class ExpressionErrorTests
{
    [Theory]
    [InlineData("", "expression is empty", 0, 0)]
    [InlineData("   ", "expression is empty", 0, 0)]
    [InlineData("meetingCount > ", "expected an expression but found end of expression", 15, 0)]
    [InlineData("meetingCount = 2", "unexpected character '=' (use '==' to compare)", 13, 1)]
    [InlineData("factsSimple & liabilityUndisputed", "unexpected character '&' (use '&&' or 'and')", 12, 1)]
    [InlineData("factsSimple | liabilityUndisputed", "unexpected character '|' (use '||' or 'or')", 12, 1)]
    [InlineData("meetingCount % 2", "unexpected character '%'", 13, 1)]
    [InlineData("courtName == 'abc", "unterminated string literal", 13, 4)]
    [InlineData("'a\\qb'", "unknown escape sequence '\\q' in string literal (use \\\\, \\' or \\\")", 2, 2)]
    [InlineData("12abc > 1", "invalid number '12abc'", 0, 5)]
    [InlineData("99999999999999999999 > 1", "number '99999999999999999999' is out of range", 0, 20)]
    [InlineData("(meetingCount > 1", "expected ')' but found end of expression", 17, 0)]
    [InlineData("meetingCount > 1)", "expected an operator or the end of the expression but found ')'", 16, 1)]
    [InlineData("factsSimple liabilityUndisputed", "expected an operator or the end of the expression but found 'liabilityUndisputed'", 12, 19)]
    [InlineData("min(1 2)", "expected ',' or ')' but found '2'", 6, 1)]
    [InlineData("meetingCount in [1 2]", "expected ',' or ']' but found '2'", 19, 1)]
    [InlineData("meetingCount in 1", "expected '[' after 'in' but found '1'", 16, 1)]
    [InlineData("meetingCount not in 1", "expected '[' after 'not in' but found '1'", 20, 1)]
    [InlineData("[1, 2]", "a list '[...]' can only follow 'in' or 'not in'", 0, 1)]
    [InlineData("param > 1", "expected '.' after 'param' (write param.NAME) but found '>'", 6, 1)]
    [InlineData("param.1", "expected a parameter name after 'param.' but found '1'", 6, 1)]
    [InlineData("meetingCount.value", "expected an operator or the end of the expression but found '.'", 12, 1)]
    [InlineData("1.", "expected an operator or the end of the expression but found '.'", 1, 1)]
    public void Compile_SyntaxError_ReportsExpr001AtToken(string text, string message, int offset, int length)
    {
        Assert.Equal(new ExpressionError("EXPR001", message, offset, length), SingleError(text));
    }

    [Fact]
    public void Compile_SeveralLexicalErrors_ReportsEachOne()
    {
        var errors = Errors("meetingCount # 2 $ 'x\\y'");

        Assert.Equal(
            [
                new ExpressionError("EXPR001", "unexpected character '#'", 13, 1),
                new ExpressionError("EXPR001", "unexpected character '$'", 17, 1),
                new ExpressionError("EXPR001", "unknown escape sequence '\\y' in string literal (use \\\\, \\' or \\\")", 21, 2),
            ],
            errors);
    }

    [Theory]
    [InlineData("estimatedDamag > 1", "unknown field 'estimatedDamag' (did you mean 'estimatedDamage'?)", 0, 14)]
    [InlineData("MeetingCount > 1", "unknown field 'MeetingCount' (did you mean 'meetingCount'?)", 0, 12)]
    [InlineData("factsSimple && liabilityUndisptued", "unknown field 'liabilityUndisptued' (did you mean 'liabilityUndisputed'?)", 15, 19)]
    [InlineData("xyz > 1", "unknown field 'xyz'", 0, 3)]
    [InlineData("has(courtname)", "unknown field 'courtname' (did you mean 'courtName'?)", 4, 9)]
    public void Compile_UnknownField_ReportsExpr002WithSuggestion(string text, string message, int offset, int length)
    {
        Assert.Equal(new ExpressionError("EXPR002", message, offset, length), SingleError(text));
    }

    [Fact]
    public void Compile_UnknownParameter_ReportsExpr003OverWholeReference()
    {
        Assert.Equal(
            new ExpressionError("EXPR003",
                "unknown parameter 'param.simplifiedThreshhold' (did you mean 'param.simplifiedThreshold'?)", 18, 26),
            SingleError("estimatedDamage < param.simplifiedThreshhold"));
    }

    [Theory]
    [InlineData("foo(1)", "unknown function 'foo' (functions: abs, date, days, has, len, max, min, today)", 0, 3)]
    [InlineData("todya() == param.cutoff", "unknown function 'todya' (did you mean 'today'?)", 0, 5)]
    [InlineData("days(today())", "function 'days' expects 2 arguments but got 1", 0, 13)]
    [InlineData("today(1) == param.cutoff", "function 'today' expects 0 arguments but got 1", 0, 8)]
    [InlineData("abs()", "function 'abs' expects 1 argument but got 0", 0, 5)]
    [InlineData("has(courtName, ratio)", "function 'has' expects 1 argument but got 2", 0, 21)]
    public void Compile_UnknownFunctionOrArity_ReportsExpr004(string text, string message, int offset, int length)
    {
        Assert.Equal(new ExpressionError("EXPR004", message, offset, length), SingleError(text));
    }

    [Theory]
    [InlineData("meetingCount + courtName", "operator '+' cannot be applied to 'meetingCount' (Integer) and 'courtName' (Text)", 13, 1)]
    [InlineData("channel < 'mediation'", "operator '<' cannot be applied to 'channel' (Enum) and 'mediation' (Text)", 8, 1)]
    [InlineData("factsSimple >= true", "operator '>=' cannot be applied to 'factsSimple' (Boolean) and 'true' (Boolean)", 12, 2)]
    [InlineData("incidentDate == 1", "operator '==' cannot be applied to 'incidentDate' (Date) and '1' (Integer)", 13, 2)]
    [InlineData("meetingCount && factsSimple", "operand of '&&' must be Boolean but 'meetingCount' is Integer", 0, 12)]
    [InlineData("factsSimple or courtName", "operand of 'or' must be Boolean but 'courtName' is Text", 15, 9)]
    [InlineData("!meetingCount", "operand of '!' must be Boolean but 'meetingCount' is Integer", 1, 12)]
    [InlineData("-courtName", "operand of '-' must be a number but 'courtName' is Text", 1, 9)]
    [InlineData("meetingCount > null", "'null' can only be compared with '==' or '!=' or be the whole expression", 15, 4)]
    [InlineData("meetingCount in [1, null]", "'null' cannot be a list item (test it with '== null')", 20, 4)]
    [InlineData("meetingCount in [1, meetingCount]", "list items must be constant values (literals or parameters) but 'meetingCount' is not", 20, 12)]
    [InlineData("meetingCount in [1, 'a']", "list item 'a' (Text) cannot be compared with 'meetingCount' (Integer)", 20, 3)]
    [InlineData("has(1)", "function 'has' expects a field name, for example has(estimatedDamage)", 4, 1)]
    [InlineData("date(courtName) < today()", "function 'date' expects a text literal, for example date('2026-01-01')", 5, 9)]
    [InlineData("days(incidentDate, 'x')", "argument 2 of 'days' must be Date but 'x' is Text", 19, 3)]
    [InlineData("min(incidentDate, 1)", "arguments of 'min' must both be numbers or both be dates, but they are Date and Integer", 0, 20)]
    [InlineData("abs(courtName)", "argument of 'abs' must be a number but 'courtName' is Text", 4, 9)]
    [InlineData("len(1)", "argument of 'len' must be Text but '1' is Integer", 4, 1)]
    [InlineData("param.broken > 1", "parameter 'broken' is declared Money but its value is a String", 0, 12)]
    [InlineData("null", "the type of 'null' cannot be determined because no result type is expected", 0, 4)]
    public void Compile_TypeMismatch_ReportsExpr005(string text, string message, int offset, int length)
    {
        Assert.Equal(new ExpressionError("EXPR005", message, offset, length), SingleError(text));
    }

    [Theory]
    [InlineData("meetingCount + 1", DataType.Boolean, "the expression is Integer but Boolean is expected")]
    [InlineData("1.5", DataType.Integer, "the expression is Decimal but Integer is expected")]
    [InlineData("incidentDate", DataType.Text, "the expression is Date but Text is expected")]
    [InlineData("courtName", DataType.Money, "the expression is Text but Money is expected")]
    public void Compile_WrongResultType_ReportsExpr005OverWholeExpression(string text, DataType expected, string message)
    {
        Assert.Equal(new ExpressionError("EXPR005", message, 0, text.Length), SingleError(text, expected));
    }

    [Theory]
    [InlineData("channel == 'mediaton'", "'mediaton' is not a value of enum field 'channel' (allowed: consultation, mediation, litigation)", 11, 10)]
    [InlineData("'court' != channel", "'court' is not a value of enum field 'channel' (allowed: consultation, mediation, litigation)", 0, 7)]
    [InlineData("channel in ['mediation', 'court']", "'court' is not a value of enum field 'channel' (allowed: consultation, mediation, litigation)", 25, 7)]
    [InlineData("param.defaultChannel == 'x'", "'x' is not a value of enum parameter 'defaultChannel' (allowed: consultation, mediation, litigation)", 24, 3)]
    public void Compile_InvalidEnumLiteral_ReportsExpr006(string text, string message, int offset, int length)
    {
        Assert.Equal(new ExpressionError("EXPR006", message, offset, length), SingleError(text));
    }

    [Theory]
    [InlineData("date('2026-02-30') < today()", "2026-02-30", 5)]
    [InlineData("incidentDate > date('15/03/2026')", "15/03/2026", 20)]
    [InlineData("incidentDate > date('2026-3-1')", "2026-3-1", 20)]
    public void Compile_InvalidDate_ReportsExpr008(string text, string date, int offset)
    {
        Assert.Equal(
            new ExpressionError("EXPR008", $"invalid date '{date}': expected an existing calendar date written yyyy-MM-dd", offset, date.Length + 2),
            SingleError(text));
    }

    [Fact]
    public void Compile_SeveralUnknownNames_ReportsAllInTextOrder()
    {
        var errors = Errors("has(baz) || foo > 1 && param.bar && qux(meetingCont)");

        Assert.Equal(
            [
                new ExpressionError("EXPR002", "unknown field 'baz'", 4, 3),
                new ExpressionError("EXPR002", "unknown field 'foo'", 12, 3),
                new ExpressionError("EXPR003", "unknown parameter 'param.bar'", 23, 9),
                new ExpressionError("EXPR004", "unknown function 'qux' (functions: abs, date, days, has, len, max, min, today)", 36, 3),
                new ExpressionError("EXPR002", "unknown field 'meetingCont' (did you mean 'meetingCount'?)", 40, 11),
            ],
            errors);
    }

    [Fact]
    public void Compile_SyntaxErrorWithUnknownNames_StillReportsTheNames()
    {
        var errors = Errors("estimatedDamag > param.treshold &&");

        Assert.Equal(
            [
                new ExpressionError("EXPR002", "unknown field 'estimatedDamag' (did you mean 'estimatedDamage'?)", 0, 14),
                new ExpressionError("EXPR003", "unknown parameter 'param.treshold'", 17, 14),
                new ExpressionError("EXPR001", "expected an expression but found end of expression", 34, 0),
            ],
            errors);
    }

    [Fact]
    public void Compile_TypeErrorsInBothOperands_ReportsBothWithoutCascade()
    {
        var errors = Errors("(meetingCount && true) || (courtName + 1 > 2)");

        Assert.Equal(["EXPR005", "EXPR005"], errors.Select(e => e.RuleId));
        Assert.Equal([1, 37], errors.Select(e => e.Offset));
    }
}
