using System.Text.RegularExpressions;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>Reads a scenario's local date-times (SC001) and durations (SC002).</summary>
internal static partial class ScenarioTimeReader
{
    private static readonly LocalDateTimePattern[] DateTimePatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
    ];

    public static LocalDateTime? DateTime(Token token, ProblemList problems)
    {
        foreach (var pattern in DateTimePatterns)
        {
            if (pattern.Parse(token.Text) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }

        if (LocalDatePattern.Iso.Parse(token.Text) is { Success: true } date)
        {
            return date.Value.AtMidnight();
        }

        problems.Error("SC001", $"'{token.Text}' is not a local date-time (yyyy-MM-ddTHH:mm or yyyy-MM-dd)", token.Position);
        return null;
    }

    public static Period? Duration(Token token, ProblemList problems)
    {
        var match = DurationPattern().Match(token.Text);
        if (!match.Success || token.Text.Length == 0)
        {
            problems.Error("SC002", $"'{token.Text}' is not a duration (e.g. 23d, 2w, 12h, 30min, 1d12h)", token.Position);
            return null;
        }

        var builder = new PeriodBuilder();
        foreach (var (group, set) in new (string, Action<long>)[]
        {
            ("w", n => builder.Weeks = (int)n), ("d", n => builder.Days = (int)n), ("h", n => builder.Hours = n), ("min", n => builder.Minutes = n),
        })
        {
            if (match.Groups[group].Success)
            {
                if (!long.TryParse(match.Groups[group].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 100_000)
                {
                    problems.Error("SC002", $"'{token.Text}' is too long a duration", token.Position);
                    return null;
                }

                set(n);
            }
        }

        return builder.Build();
    }

    [GeneratedRegex(@"^(?:(?<w>\d{1,6})w)?(?:(?<d>\d{1,6})d)?(?:(?<h>\d{1,7})h)?(?:(?<min>\d{1,8})min)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DurationPattern();
}
