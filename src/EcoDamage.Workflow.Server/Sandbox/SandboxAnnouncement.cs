namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>Says at start, as a warning, that the host runs in sandbox mode on a virtual clock.</summary>
internal sealed class SandboxAnnouncement(VirtualClock clock, TimeProvider time, ILogger<SandboxAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        SandboxLog.VirtualClock(logger, clock.GetUtcNow());
        if (!ReferenceEquals(time, clock))
        {
            // Only a test host replaces the clock after the sandbox registered it: the endpoint would move a clock nobody reads.
            SandboxLog.ClockReplaced(logger, time.GetType().Name);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
