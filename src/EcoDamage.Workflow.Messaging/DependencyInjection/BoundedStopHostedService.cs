using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>
/// Stops the bus's hosted service, but waits for it at most <see cref="MessagingOptions.StopTimeout"/> (real time) and no
/// longer than the host's stop token allows. MassTransit's stop waits for every event its receive endpoint still holds
/// to be consumed, without regard to the token: a node stopping with a relay backlog (thousands of events queued in
/// memory), or whose container is being disposed under it, would otherwise never finish stopping. Nothing is lost by
/// not waiting: an event whose fan-out did not commit keeps its outbox row undispatched and is published again when its
/// claim lease ends.
/// </summary>
internal sealed partial class BoundedStopHostedService(IHostedService inner, TimeSpan timeout, ILogger<BoundedStopHostedService> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.StopAsync(cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogAbandoned(log, timeout);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(log, timeout);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus did not stop within {Timeout} (or the host's shutdown timeout); events it still held are left to the outbox lease")]
    private static partial void LogAbandoned(ILogger logger, TimeSpan timeout);
}
