using System.Data.Common;
using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Messaging.Sql;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoDamage.Workflow.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows onto the bus, oldest first (by id: UUIDv7, increasing per process). A round claims up
/// to <see cref="MessagingOptions.BatchSize"/> undispatched rows whose claim has lapsed (PostgreSQL:
/// <c>FOR UPDATE SKIP LOCKED</c>, so two nodes never claim the same row), stamps a lease
/// (<see cref="MessagingOptions.ClaimLease"/>) and publishes them as one <see cref="CaseEventBatch"/>. The webhook fan-out consumer marks a row
/// <c>DispatchedAt</c> in the transaction that records its deliveries; a row whose fan-out never happened
/// (crash, lost in-memory message) is claimed and published again when its lease ends. Woken by
/// <see cref="OutboxSignal"/> after commits, else every <see cref="MessagingOptions.PollInterval"/>.
/// </summary>
internal sealed partial class OutboxRelay(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, TimeProvider time, MessagingOptions options, ILogger<OutboxRelay> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await RelayOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Any failure of a round (the broker or the database unreachable: log, wait, try again — a relay that stopped would stop every node's events).
                LogRelayFailed(log, e);
                published = 0;
            }

            if (published < options.BatchSize)
            {
                await signal.WaitAsync(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims and publishes one batch; returns how many rows were published.</summary>
    internal async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var rows = await ClaimAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count > 0)
        {
            // The claimed batch is one bus message, in id order (CaseEventBatch says why).
            await bus.Publish(new CaseEventBatch(rows), cancellationToken).ConfigureAwait(false);
        }

        return rows.Count;
    }

    private async Task<List<CaseEvent>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sql = new StoreSql(scope.ServiceProvider.GetRequiredService<EcoDamage.Workflow.Storage.WorkflowDbContext>());
        var now = time.GetUtcNow();
        var nowTicks = Ticks(now);
        var text = $"""
            UPDATE "Outbox" SET "ClaimedUntil" = @until, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
              SELECT o."Id" FROM "Outbox" o
              WHERE o."DispatchedAt" IS NULL AND (o."ClaimedUntil" IS NULL OR o."ClaimedUntil" < @now)
              ORDER BY o."Id" LIMIT @limit {sql.SkipLocked("o")})
            RETURNING "Id", "CaseId", "Type", "Payload", "OccurredAt", "Name"
            """;
        await using var command = await sql.CommandAsync(text, cancellationToken,
            ("@until", nowTicks + options.ClaimLease.Ticks), ("@now", nowTicks), ("@limit", options.BatchSize)).ConfigureAwait(false);
        var events = new List<CaseEvent>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var type = reader.GetString(2);
                var payload = reader.GetString(3);
                var name = reader.GetString(5);
                var occurred = DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(4));
                events.Add(new CaseEvent(StoreSql.ReadGuid(reader, 0), name, EventNames.TypeOf(name), type, reader.GetString(1), occurred, payload));
            }
        }

        // RETURNING does not keep the subquery's order. Guid order is the order of the ids' text (the column's order on
        // SQLite, uuid order on PostgreSQL): both compare the same unsigned fields, most significant first.
        events.Sort((a, b) => a.EventId.CompareTo(b.EventId));
        return events;
    }

    private static long Ticks(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay round failed; retrying after the poll interval")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
