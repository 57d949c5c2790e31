using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Scheduling.Deadlines;

/// <summary>Checks <see cref="DeadlineOptions"/>, reporting every problem at once (at registration and at start-up).</summary>
internal sealed class DeadlineOptionsValidator : IValidateOptions<DeadlineOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Range(nameof(options.SweepInterval), options.SweepInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1));
        Range(nameof(options.MaxSweepDuration), options.MaxSweepDuration, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10));
        Range(nameof(options.Lease), options.Lease, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(nameof(options.LateAfter), options.LateAfter, TimeSpan.Zero, TimeSpan.MaxValue);
        if (options.BatchSize is < 1 or > 10_000)
        {
            problems.Add($"{DeadlineOptions.SectionName}:{nameof(options.BatchSize)}: {options.BatchSize} is not between 1 and 10000");
        }

        if (options.Lanes is < 1 or > 16)
        {
            problems.Add($"{DeadlineOptions.SectionName}:{nameof(options.Lanes)}: {options.Lanes} is not between 1 and 16");
        }

        if (!Enum.IsDefined(options.JobStore))
        {
            problems.Add($"{DeadlineOptions.SectionName}:{nameof(options.JobStore)}: '{options.JobStore}' is not Persistent or Memory");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

        void Range(string option, TimeSpan value, TimeSpan min, TimeSpan max)
        {
            if (value < min || value > max)
            {
                problems.Add($"{DeadlineOptions.SectionName}:{option}: {value} is not between {min} and {max}");
            }
        }
    }
}
