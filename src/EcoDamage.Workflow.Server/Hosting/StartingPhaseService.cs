namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// A hosted service whose whole work is done in the <c>Starting</c> phase, which completes for every service before
/// any <c>StartAsync</c> (the bus, the relay, Quartz, the server's listening; see <c>AddStartupConcurrency</c>): what
/// must hold before anything serves or schedules. The other phases do nothing.
/// </summary>
internal abstract class StartingPhaseService : IHostedLifecycleService
{
    public abstract Task StartingAsync(CancellationToken cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
