using System.Globalization;
using NodaTime.Text;

namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>
/// The settings of the <c>Clock</c> section, read once while the services are registered (they decide which clock is
/// registered and whether the sandbox endpoint exists).
/// </summary>
/// <param name="Mode">The clock mode.</param>
/// <param name="Start">Where a virtual clock starts; null starts it at the real time of start-up.</param>
internal sealed record ClockSettings(ClockMode Mode, DateTimeOffset? Start)
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Clock";

    /// <summary>The defaults: the system clock.</summary>
    public static ClockSettings Default { get; } = new(ClockMode.System, null);

    /// <summary>
    /// Reads the section. A virtual clock in the <c>Production</c> environment is refused: a host serving real cases
    /// must never let anyone move its time.
    /// </summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="environment">The host's environment.</param>
    /// <param name="problems">Every wrong setting, each naming the setting; empty when the settings can be used.</param>
    /// <returns>The settings (the defaults where a value is wrong).</returns>
    public static ClockSettings Read(IConfiguration configuration, IHostEnvironment environment, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var found = new List<string>();
        var section = configuration.GetSection(SectionName);
        var mode = ClockMode.System;
        var modeText = section["Mode"];
        if (!string.IsNullOrWhiteSpace(modeText)
            && (!Enum.TryParse(modeText.Trim(), ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(modeText, CultureInfo.InvariantCulture, out _)))
        {
            found.Add($"{SectionName}:Mode: '{modeText}' is not System or Virtual");
            mode = ClockMode.System;
        }

        DateTimeOffset? start = null;
        var startText = section["Start"];
        if (!string.IsNullOrWhiteSpace(startText))
        {
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(startText.Trim());
            if (parsed.Success)
            {
                start = parsed.Value.ToDateTimeOffset();
            }
            else
            {
                found.Add($"{SectionName}:Start: '{startText}' is not an ISO-8601 date and time with an offset (2027-03-01T09:00:00+08:00)");
            }
        }

        if (mode == ClockMode.Virtual && environment.IsProduction())
        {
            found.Add($"{SectionName}:Mode: Virtual is refused in the Production environment (a sandbox clock lets an administrator move the time of every case); use System, or run the sandbox in another environment");
        }

        problems = found;
        return new ClockSettings(mode, start);
    }

    /// <summary>The line naming every wrong clock setting, or null when they can be used.</summary>
    public static string? Check(IConfiguration configuration, IHostEnvironment environment)
    {
        _ = Read(configuration, environment, out var problems);
        return problems.Count == 0 ? null : string.Join("; ", problems) + ".";
    }
}
