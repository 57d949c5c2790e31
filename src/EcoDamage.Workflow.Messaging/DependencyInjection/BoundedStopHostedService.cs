using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>
/// Stops the bus's hosted service, but waits for it at most <see cref="MessagingOptions.StopTimeout"/> (real time) and no
/// longer than the host's stop token allows. MassTransit's stop waits for every message its receive endpoints still hold
/// to be consumed, without regard to the token: a node with integration consumers and a backlog, or whose container is
/// being disposed under it, would otherwise never finish stopping. Webhooks lose nothing by not waiting: their
/// deliveries are rows, written with the claim of their events.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus did not stop within {Timeout} (or the host's shutdown timeout); messages it still held for consumers in this process are dropped")]
    private static partial void LogAbandoned(ILogger logger, TimeSpan timeout);
}
