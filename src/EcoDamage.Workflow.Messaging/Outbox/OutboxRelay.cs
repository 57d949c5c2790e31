using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Messaging.Outbox;

/// <summary>
/// Moves outbox rows on, oldest first (by id: UUIDv7, increasing per process). A round asks the store's
/// <see cref="IOutboxDispatcher"/> to claim up to <see cref="MessagingOptions.BatchSize"/> undispatched rows and, in that
/// same transaction, write one webhook delivery per matching subscription (<see cref="WebhookFanOut"/> plans them); then
/// it wakes the delivery worker and publishes the claimed events as one <see cref="CaseEventBatch"/> on the bus, an outlet
/// for integration consumers (never a loop back into our tables). Webhooks are at-least-once: nothing is lost once the
/// claim has committed. Bus consumers are at-most-once: a publication that fails, or a node that stops between the
/// claim's commit and the publication, loses that batch for the bus. Woken by <see cref="OutboxSignal"/> after commits,
/// else every <see cref="MessagingOptions.PollInterval"/>.
/// </summary>
internal sealed partial class OutboxRelay(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, DeliverySignal deliveries, TimeProvider time,
    IOptions<MessagingOptions> options, IOptions<WebhookOptions> webhooks, ILogger<OutboxRelay> log)
    : BackgroundService
{
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await RelayOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Any failure of a round (the database unreachable: log, wait, try again — a relay that stopped would stop every node's events).
                LogRelayFailed(log, e);
                claimed = 0;
            }

            if (claimed < _options.BatchSize)
            {
                await signal.WaitAsync(_options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims one batch (deliveries written with it), then publishes it on the bus; returns how many rows were claimed.</summary>
    internal async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var fanOut = new WebhookFanOut(webhooks.Value.Source);
        OutboxDispatch dispatch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            dispatch = await scope.ServiceProvider.GetRequiredService<IOutboxDispatcher>()
                .DispatchAsync(_options.BatchSize, fanOut, cancellationToken).ConfigureAwait(false);
        }

        if (dispatch.DeliveriesCreated > 0)
        {
            deliveries.Set();
        }

        if (fanOut.Events.Count > 0)
        {
            try
            {
                // The claimed batch is one bus message, in id order (CaseEventBatch says why).
                await bus.Publish(new CaseEventBatch(fanOut.Events), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The rows are dispatched and their webhooks written: only the bus misses this batch (at-most-once, documented).
                LogPublishFailed(log, e, fanOut.Events.Count);
            }
        }

        return dispatch.Events.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay round failed; retrying after the poll interval")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} dispatched events on the bus failed; bus consumers miss them (webhook deliveries are unaffected)")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
