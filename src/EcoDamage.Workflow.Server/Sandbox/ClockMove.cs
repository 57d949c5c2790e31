using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>
/// Reads a <see cref="SandboxClockRequest"/> into the move it asks for: a function from the clock's current time to the
/// new one, or the 400 naming what is wrong with the body.
/// </summary>
internal static class ClockMove
{
    /// <summary>Periods count in the seed's zone: <c>P1M</c> from 1 March 09:00 is 1 April 09:00 in Beijing time.</summary>
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Later than this is refused (the deadline arithmetic and the stores count in years below 10000).</summary>
    private static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reads the request.</summary>
    /// <param name="request">The body (null when there was none).</param>
    /// <param name="move">The move: the new time from the current one (may be earlier for <c>set</c>: the clock refuses it).</param>
    /// <returns>Null when <paramref name="move"/> can be made, else the 400 naming the field.</returns>
    public static ValidationProblem? Read(SandboxClockRequest? request, out Func<DateTimeOffset, DateTimeOffset?> move)
    {
        move = static now => now;
        var set = request?.Set;
        var advance = request?.Advance;
        if ((set is null) == (advance is null))
        {
            return Problems.BadParameter(set is null ? "set" : "advance", "give exactly one of set (a date and time with an offset) or advance (an ISO-8601 period)");
        }

        if (set is not null)
        {
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(set.Trim());
            if (!parsed.Success)
            {
                return Problems.BadParameter("set", $"'{Clip(set)}' is not an ISO-8601 date and time with an offset (2027-03-01T09:00:00+08:00)");
            }

            var target = parsed.Value.ToDateTimeOffset();
            if (target >= Latest)
            {
                return Problems.BadParameter("set", $"must be earlier than {Latest:yyyy-MM-dd}");
            }

            move = _ => target;
            return null;
        }

        var period = PeriodPattern.NormalizingIso.Parse(advance!.Trim());
        if (!period.Success)
        {
            return Problems.BadParameter("advance", $"'{Clip(advance)}' is not an ISO-8601 period (P31D, PT36H, P1M)");
        }

        var p = period.Value;
        if (p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0 || p.Seconds < 0
            || p.Milliseconds < 0 || p.Ticks < 0 || p.Nanoseconds < 0)
        {
            return Problems.BadParameter("advance", "must not be negative: the clock never goes back");
        }

        // A period this long would pass year 9000 from any time a sandbox runs at; refused before the arithmetic overflows.
        if (p.Years > 5000 || p.Months > 60_000 || p.Weeks > 270_000 || p.Days > 2_000_000 || p.Hours > 50_000_000
            || p.Minutes > 3_000_000_000 || p.Seconds > 200_000_000_000)
        {
            return Problems.BadParameter("advance", $"moves the clock past {Latest:yyyy-MM-dd}");
        }

        move = now => Add(now, p);
        return null;
    }

    /// <summary>The time <paramref name="period"/> after <paramref name="now"/> in Beijing local time; null past <see cref="Latest"/>.</summary>
    private static DateTimeOffset? Add(DateTimeOffset now, Period period)
    {
        var local = Instant.FromDateTimeOffset(now).InZone(Shanghai).LocalDateTime;
        if (local.Year + period.Years + (period.Months / 12) + (period.Weeks / 52) + (period.Days / 365) + (period.Hours / 8760)
            + (period.Minutes / 525_600) + (period.Seconds / 31_536_000) >= Latest.Year - 1)
        {
            return null;
        }

        var target = (local + period).InZoneLeniently(Shanghai).ToDateTimeOffset();
        return target >= Latest ? null : target;
    }

    private static string Clip(string text) => text.Length > 64 ? text[..64] + "…" : text;
}
