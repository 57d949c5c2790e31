using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Expressions;
using static EcoDamage.Workflow.Engine.Tests.Expressions.ExpressionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

public sealed class ExpressionLimitsTests
{
    private const string NestingMessage = "expression is nested more than 32 levels deep";

    [Fact]
    public void Compile_TextLongerThanLimit_ReportsExpr007OverWholeText()
    {
        var text = "meetingCount > 1 && " + new string(' ', 1981);

        Assert.Equal(
            new ExpressionError("EXPR007", "expression is 2001 characters long; the limit is 2000", 0, 2001),
            SingleError(text));
    }

    [Fact]
    public void Compile_LongestAllowedChain_CompilesAndEvaluates()
    {
        var text = string.Join("+", Enumerable.Repeat("1", 1000)) + " ";

        Assert.Equal(2000, text.Length);
        Assert.Equal(1000L, Evaluate(text));
    }

    [Fact]
    public void Compile_LongAndChain_IsFlattenedAndEvaluates()
    {
        var text = string.Join(" && ", Enumerable.Repeat("factsSimple", 130));

        Assert.True(Guard(text, ("factsSimple", true)));
        Assert.False(Guard(text, ("factsSimple", false)));
    }

    [Fact]
    public void Compile_NestingAtLimit_Compiles()
    {
        var text = new string('(', 32) + "meetingCount" + new string(')', 32) + " + 1";

        Assert.Equal(3L, Evaluate(text, ("meetingCount", 2L)));
    }

    [Theory]
    [InlineData('(', "1", ')')]
    [InlineData('-', "1", ' ')]
    [InlineData('!', "factsSimple", ' ')]
    public void Compile_NestingBeyondLimit_ReportsExpr007AtFirstTokenTooDeep(char open, string inner, char close)
    {
        var text = new string(open, 33) + inner + new string(close, 33);

        Assert.Equal(new ExpressionError("EXPR007", NestingMessage, 32, 1), SingleError(text));
    }

    [Fact]
    public void Compile_NestedCallsBeyondLimit_ReportsExpr007()
    {
        var text = string.Concat(Enumerable.Repeat("abs(", 33)) + "1" + new string(')', 33);

        Assert.Equal(new ExpressionError("EXPR007", NestingMessage, 128, 3), SingleError(text));
    }

    [Theory]
    [InlineData("(", 1990)]
    [InlineData("-", 1990)]
    [InlineData("not ", 490)]
    [InlineData("abs(", 490)]
    [InlineData("meetingCount in [", 110)]
    public void Compile_PathologicallyDeepInput_ReportsExpr007WithoutStackOverflow(string opener, int count)
    {
        var text = string.Concat(Enumerable.Repeat(opener, count)) + "1";

        Assert.Contains(Errors(text), e => e is { RuleId: "EXPR007", Message: NestingMessage });
    }

    [Fact]
    public void Compile_ListAtLimit_Compiles()
    {
        var text = $"meetingCount in [{string.Join(", ", Enumerable.Range(1, 100))}]";

        Assert.True(Guard(text, ("meetingCount", 100L)));
        Assert.False(Guard(text, ("meetingCount", 101L)));
    }

    [Fact]
    public void Compile_ListBeyondLimit_ReportsExpr007AtFirstExtraItem()
    {
        var items = string.Join(",", Enumerable.Repeat("7", 101));
        var text = $"meetingCount in [{items}]";

        Assert.Equal(
            new ExpressionError("EXPR007", "a list can have at most 100 items", text.Length - 2, 1),
            SingleError(text));
    }

    [Fact]
    public void Compile_DeepInputWithUnknownName_ReportsLimitAndName()
    {
        var text = new string('(', 40) + "x" + new string(')', 40);

        var errors = Errors(text, DataType.Boolean);

        Assert.Equal(["EXPR007", "EXPR002"], errors.Select(e => e.RuleId));
    }
}
