using NodaTime;

namespace EcoDamage.Workflow.Storage.Stores;

/// <summary>Instants are stored as Unix ticks (100 ns) so that both providers sort and compare them as integers.</summary>
internal static class Ticks
{
    public static long From(Instant instant) => instant.ToUnixTimeTicks();

    public static long? From(Instant? instant) => instant?.ToUnixTimeTicks();

    public static Instant ToInstant(long ticks) => Instant.FromUnixTimeTicks(ticks);
}
