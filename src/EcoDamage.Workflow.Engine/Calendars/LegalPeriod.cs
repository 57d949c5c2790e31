using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>
/// A legal period: a positive amount of calendar days, working days or months. Text form
/// <c>30d</c> (calendar days), <c>15wd</c> (working days), <c>3m</c> (months).
/// </summary>
/// <remarks>
/// The default value (<c>0d</c>) is not a valid period; <see cref="DeadlineCalculator"/> rejects it.
/// </remarks>
public readonly record struct LegalPeriod
{
    /// <summary>The largest amount a period may have (ten years of days).</summary>
    public const int MaxAmount = 3650;

    /// <summary>Creates a period.</summary>
    /// <param name="amount">The amount, 1 to <see cref="MaxAmount"/>.</param>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentOutOfRangeException">The amount or unit is out of range.</exception>
    public LegalPeriod(int amount, PeriodUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, MaxAmount);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown period unit.");
        }

        Amount = amount;
        Unit = unit;
    }

    /// <summary>The amount, 1 to <see cref="MaxAmount"/> (0 only for the default value).</summary>
    public int Amount { get; }

    /// <summary>The unit.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>Whether this is a real period rather than the default value.</summary>
    public bool IsValid => Amount is >= 1 and <= MaxAmount && Enum.IsDefined(Unit);

    /// <summary>A period of <paramref name="amount"/> calendar days.</summary>
    /// <param name="amount">The number of days, 1 to <see cref="MaxAmount"/>.</param>
    /// <returns>The period.</returns>
    public static LegalPeriod CalendarDays(int amount) => new(amount, PeriodUnit.CalendarDays);

    /// <summary>A period of <paramref name="amount"/> working days.</summary>
    /// <param name="amount">The number of working days, 1 to <see cref="MaxAmount"/>.</param>
    /// <returns>The period.</returns>
    public static LegalPeriod WorkingDays(int amount) => new(amount, PeriodUnit.WorkingDays);

    /// <summary>A period of <paramref name="amount"/> months.</summary>
    /// <param name="amount">The number of months, 1 to <see cref="MaxAmount"/>.</param>
    /// <returns>The period.</returns>
    public static LegalPeriod Months(int amount) => new(amount, PeriodUnit.Months);

    /// <summary>Parses the text form (<c>30d</c>, <c>15wd</c>, <c>3m</c>).</summary>
    /// <param name="text">The text; no spaces, lower-case unit, no leading zeros.</param>
    /// <param name="period">The period when parsing succeeds; otherwise the default value.</param>
    /// <param name="error">An English explanation when parsing fails; otherwise <see langword="null"/>.</param>
    /// <returns>Whether the text is a valid period.</returns>
    public static bool TryParse(string? text, out LegalPeriod period, [NotNullWhen(false)] out string? error)
    {
        period = default;
        error = LegalPeriodText.Parse(text, out var amount, out var unit);
        if (error is not null)
        {
            return false;
        }

        period = new LegalPeriod(amount, unit);
        return true;
    }

    /// <summary>Parses the text form (<c>30d</c>, <c>15wd</c>, <c>3m</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException">The text is not a valid period.</exception>
    public static LegalPeriod Parse(string text) =>
        TryParse(text, out var period, out var error) ? period : throw new FormatException(error);

    /// <summary>Returns the text form, e.g. <c>30d</c>, which <see cref="Parse"/> reads back.</summary>
    /// <returns>The amount followed by <c>d</c>, <c>wd</c> or <c>m</c>.</returns>
    public override string ToString() =>
        Amount.ToString(CultureInfo.InvariantCulture) + LegalPeriodText.Suffix(Unit);
}
