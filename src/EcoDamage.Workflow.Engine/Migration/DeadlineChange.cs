using NodaTime;

namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>A deadline a migration opens, closes or moves.</summary>
/// <param name="Key">The deadline instance key (<c>claim/preliminaryCheck#1</c>).</param>
/// <param name="DeadlineId">The deadline id.</param>
/// <param name="Before">Due before the migration (null for one it opens).</param>
/// <param name="After">Due after the migration (null for one it closes).</param>
public sealed record DeadlineChange(string Key, string DeadlineId, Instant? Before, Instant? After);
