using static EcoDamage.Workflow.Engine.Tests.Expressions.ExpressionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

/// <summary>Missing values: arithmetic gives null, comparisons give false, only null checks and has() see them.</summary>
public sealed class ExpressionNullSemanticsTests
{
    [Theory]
    [InlineData("ratio + 1")]
    [InlineData("meetingCount * 2")]
    [InlineData("-meetingCount")]
    [InlineData("abs(ratio)")]
    [InlineData("min(meetingCount, 1)")]
    [InlineData("len(courtName)")]
    [InlineData("days(incidentDate, today())")]
    [InlineData("max(incidentDate, noticeDate)")]
    [InlineData("estimatedDamage / 0")]
    [InlineData("meetingCount / 0")]
    [InlineData("9223372036854775807 + 1")]
    [InlineData("-9223372036854775807 - 2")]
    [InlineData("4611686018427387904 * 2")]
    [InlineData("abs(-9223372036854775807 - 1)")]
    [InlineData("79228162514264337593543950335.0 * 2")]
    [InlineData("79228162514264337593543950335.0 / 0.5")]
    [InlineData("param.unset")]
    public void Evaluate_MissingOperandOrOverflow_YieldsNull(string text)
    {
        Assert.Null(Evaluate(text));
    }

    [Theory]
    [InlineData("meetingCount < 5")]
    [InlineData("meetingCount >= 5")]
    [InlineData("meetingCount != 5")]
    [InlineData("meetingCount == ratio")]
    [InlineData("meetingCount in [1, 2]")]
    [InlineData("meetingCount not in [1, 2]")]
    [InlineData("channel != 'mediation'")]
    [InlineData("factsSimple")]
    [InlineData("!factsSimple")]
    [InlineData("factsSimple || liabilityUndisputed")]
    [InlineData("meetingCount + 1 > 0")]
    [InlineData("estimatedDamage < param.unset")]
    [InlineData("has(meetingCount)")]
    [InlineData("meetingCount != null && meetingCount > 0")]
    public void EvaluateBoolean_MissingFields_IsFalse(string text)
    {
        Assert.False(Guard(text));
    }

    [Theory]
    [InlineData("meetingCount == null", true)]
    [InlineData("null == meetingCount", true)]
    [InlineData("meetingCount != null", false)]
    [InlineData("meetingCount + 1 == null", true)]
    [InlineData("courtName == null", true)]
    [InlineData("!has(meetingCount)", true)]
    [InlineData("not factsSimple == null", true)]
    [InlineData("param.unset == null", true)]
    [InlineData("param.simplifiedThreshold != null", true)]
    public void EvaluateBoolean_NullChecks_SeeMissingValues(string text, bool expected)
    {
        Assert.Equal(expected, Guard(text));
    }

    [Fact]
    public void Evaluate_NotOfMissingBoolean_StaysNull()
    {
        Assert.Null(Evaluate("!factsSimple"));
        Assert.False(Guard("!factsSimple"));
    }

    [Fact]
    public void Evaluate_ExplicitNullEntryInContext_CountsAsMissing()
    {
        Assert.True(Guard("!has(courtName) && courtName == null", ("courtName", null)));
    }

    [Fact]
    public void Evaluate_IntValuesInContext_AreWidened()
    {
        Assert.Equal(3L, Evaluate("meetingCount + 1", ("meetingCount", 2)));
        Assert.Equal(3.5m, Evaluate("estimatedDamage + 1.5", ("estimatedDamage", 2)));
        Assert.Equal(4m, Evaluate("estimatedDamage * 2", ("estimatedDamage", 2L)));
    }
}
