using NodaTime;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>One recorded item of a schedule on a case (an instalment, a labour session).</summary>
/// <param name="Number">1-based number, in recording order; names the item in <c>meets:</c> data and deadline keys.</param>
/// <param name="Values">The item's members, typed per the schedule's declaration.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Performed">The amount performed so far (sum of the <c>meets:</c> amounts).</param>
/// <param name="MetAt">When it was met; null while outstanding.</param>
public sealed record ScheduleItem(
    int Number,
    IReadOnlyDictionary<string, object?> Values,
    Instant RecordedAt,
    decimal Performed = 0m,
    Instant? MetAt = null)
{
    /// <summary>True once met.</summary>
    public bool IsMet => MetAt is not null;
}
