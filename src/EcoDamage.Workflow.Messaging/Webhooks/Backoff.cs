namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>Exponential backoff with jitter: attempt n waits between half and all of min(max, initial · 2^(n-1)).</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int failedAttempts, TimeSpan initial, TimeSpan max, double random)
    {
        var exponent = Math.Min(Math.Max(failedAttempts - 1, 0), 30);
        var ceiling = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (random / 2))));
    }
}
