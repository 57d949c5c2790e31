using System.Globalization;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>Reads and writes the text form of <see cref="LegalPeriod"/>.</summary>
internal static class LegalPeriodText
{
    private const string Expected =
        "expected a whole number from 1 to 3650 followed by d (calendar days), wd (working days) or m (months), e.g. 30d";

    public static string Suffix(PeriodUnit unit) => unit switch
    {
        PeriodUnit.CalendarDays => "d",
        PeriodUnit.WorkingDays => "wd",
        PeriodUnit.Months => "m",
        _ => "?",
    };

    /// <summary>Returns null on success, otherwise the error message.</summary>
    public static string? Parse(string? text, out int amount, out PeriodUnit unit)
    {
        amount = 0;
        unit = PeriodUnit.CalendarDays;
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"The period is empty; {Expected}.";
        }

        if (text[0] == '-')
        {
            return $"The period '{text}' is negative; {Expected}.";
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return $"The period '{text}' does not start with a number; {Expected}.";
        }

        var suffix = text[digits..];
        if (!TryUnit(suffix, out unit))
        {
            return suffix.Length == 0
                ? $"The period '{text}' has no unit; {Expected}."
                : $"The period '{text}' has an unknown unit '{suffix}'; {Expected}.";
        }

        var number = text[..digits];
        var significant = number.TrimStart('0');
        if (significant.Length == 0 || significant.Length > 4
            || !int.TryParse(significant, NumberStyles.None, CultureInfo.InvariantCulture, out amount)
            || amount > LegalPeriod.MaxAmount)
        {
            amount = 0;
            return $"The period '{text}' has amount {number}; {Expected}.";
        }

        if (significant.Length != number.Length)
        {
            amount = 0;
            return $"The period '{text}' has a leading zero; write it as {significant}{suffix}.";
        }

        return null;
    }

    private static bool TryUnit(string suffix, out PeriodUnit unit)
    {
        unit = suffix switch
        {
            "d" => PeriodUnit.CalendarDays,
            "wd" => PeriodUnit.WorkingDays,
            "m" => PeriodUnit.Months,
            _ => (PeriodUnit)(-1),
        };
        return unit != (PeriodUnit)(-1);
    }
}
