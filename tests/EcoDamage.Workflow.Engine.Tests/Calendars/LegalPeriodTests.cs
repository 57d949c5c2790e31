using EcoDamage.Workflow.Engine.Calendars;

namespace EcoDamage.Workflow.Engine.Tests.Calendars;

public class LegalPeriodTests
{
    [Theory]
    [InlineData("30d", 30, PeriodUnit.CalendarDays)]
    [InlineData("15wd", 15, PeriodUnit.WorkingDays)]
    [InlineData("3m", 3, PeriodUnit.Months)]
    [InlineData("1d", 1, PeriodUnit.CalendarDays)]
    [InlineData("3650wd", 3650, PeriodUnit.WorkingDays)]
    public void TryParse_ValidText_ReturnsPeriod(string text, int amount, PeriodUnit unit)
    {
        Assert.True(LegalPeriod.TryParse(text, out var period, out var error));
        Assert.Null(error);
        Assert.Equal(amount, period.Amount);
        Assert.Equal(unit, period.Unit);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(null, "empty")]
    [InlineData("0d", "amount 0")]
    [InlineData("-5d", "negative")]
    [InlineData("30x", "unknown unit 'x'")]
    [InlineData("30", "no unit")]
    [InlineData("d", "does not start with a number")]
    [InlineData("3651d", "amount 3651")]
    [InlineData("99999999999d", "amount 99999999999")]
    [InlineData("030d", "leading zero")]
    [InlineData("30D", "unknown unit 'D'")]
    [InlineData(" 30d", "does not start with a number")]
    [InlineData("30 d", "unknown unit ' d'")]
    public void TryParse_InvalidText_ReturnsFalseWithClearError(string? text, string expectedFragment)
    {
        Assert.False(LegalPeriod.TryParse(text, out var period, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
        Assert.Equal(default, period);
    }

    [Theory]
    [InlineData("30d")]
    [InlineData("15wd")]
    [InlineData("3m")]
    [InlineData("3650d")]
    public void ToString_ParsedText_RoundTrips(string text)
    {
        Assert.Equal(text, LegalPeriod.Parse(text).ToString());
    }

    [Fact]
    public void Factories_Amount_BuildEqualPeriodsToParsed()
    {
        Assert.Equal(LegalPeriod.Parse("30d"), LegalPeriod.CalendarDays(30));
        Assert.Equal(LegalPeriod.Parse("15wd"), LegalPeriod.WorkingDays(15));
        Assert.Equal(LegalPeriod.Parse("3m"), LegalPeriod.Months(3));
        Assert.NotEqual(LegalPeriod.CalendarDays(3), LegalPeriod.Months(3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    public void Constructor_AmountOutOfRange_Throws(int amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegalPeriod(amount, PeriodUnit.CalendarDays));
    }

    [Fact]
    public void Parse_InvalidText_ThrowsFormatException()
    {
        var error = Assert.Throws<FormatException>(() => LegalPeriod.Parse("0d"));
        Assert.Contains("amount 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValid_DefaultValue_IsFalse()
    {
        Assert.False(default(LegalPeriod).IsValid);
        Assert.True(LegalPeriod.CalendarDays(1).IsValid);
    }
}
