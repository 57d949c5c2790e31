using NodaTime;

namespace EcoDamage.Workflow.Storage.Sql;

/// <summary>
/// Instants are stored as Unix ticks (100 ns) so that both providers sort and compare them as integers: the one
/// conversion between stored columns and <see cref="Instant"/> or <see cref="DateTimeOffset"/>.
/// </summary>
internal static class Ticks
{
    public static long From(Instant instant) => instant.ToUnixTimeTicks();

    public static long? From(Instant? instant) => instant?.ToUnixTimeTicks();

    public static Instant ToInstant(long ticks) => Instant.FromUnixTimeTicks(ticks);

    public static long From(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks;

    public static DateTimeOffset ToDateTimeOffset(long ticks) => DateTimeOffset.UnixEpoch.AddTicks(ticks);
}
