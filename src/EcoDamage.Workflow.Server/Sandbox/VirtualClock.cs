namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>
/// The sandbox's one clock: it runs with real time from where it was started or last moved, and only moves forward
/// (<see cref="Move"/>). Thread-safe: readers see the offset before or after a move, never a torn value. Timers and
/// timestamps are the real ones, so elapsed time, timeouts and Quartz's waits stay real.
/// </summary>
internal sealed class VirtualClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _moving = new();
    private long _offsetTicks;

    /// <summary>Starts the clock at <paramref name="start"/> (from there it runs with <paramref name="real"/>).</summary>
    /// <param name="real">The real clock it runs with.</param>
    /// <param name="start">The virtual time at creation.</param>
    public VirtualClock(TimeProvider real, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(real);
        _real = real;
        _offsetTicks = (start - real.GetUtcNow()).Ticks;
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <summary>
    /// Moves the clock to what <paramref name="target"/> computes from the time it shows, atomically (no other move in
    /// between), unless that is earlier: time never goes back.
    /// </summary>
    /// <param name="target">The new virtual time from the current one; null refuses the move.</param>
    /// <returns>The time before, the computed target and whether the clock moved to it.</returns>
    public (DateTimeOffset Previous, DateTimeOffset? Target, bool Moved) Move(Func<DateTimeOffset, DateTimeOffset?> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_moving)
        {
            var now = GetUtcNow();
            var computed = target(now);
            if (computed is not { } to || to < now)
            {
                return (now, computed, false);
            }

            Interlocked.Add(ref _offsetTicks, (to - now).Ticks);
            return (now, to.ToUniversalTime(), true);
        }
    }
}
