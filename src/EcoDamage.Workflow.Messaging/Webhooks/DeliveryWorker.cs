using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Messaging.Sql;
using EcoDamage.Workflow.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Sends due deliveries (<see cref="DeliveryClaims"/>), up to <see cref="WebhookOptions.MaxConcurrency"/> in flight
/// per node, each attempt on its own (a slow receiver holds one slot), and records each attempt in the delivery log
/// (finished attempts are written together). A 2xx answer is success; anything else (another status, a
/// redirect, a timeout, a refused connection or target) is retried with <see cref="Backoff"/> until
/// <see cref="WebhookOptions.RetryWindow"/> has passed since the delivery was created; then it is given up and
/// its subscription disabled (<see cref="SubscriptionDisabled"/> published, a warning logged). Woken by
/// <see cref="DeliverySignal"/>, else every <see cref="WebhookOptions.PollInterval"/> of the injected clock.
/// </summary>
internal sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes, WebhookHttp http, DeliverySignal signal, WebhookOptions options, TimeProvider time, IBus bus, ILogger<DeliveryWorker> log)
    : BackgroundService
{
    private const int ExcerptLength = 512;

    private readonly Channel<AttemptOutcome> _outcomes = Channel.CreateUnbounded<AttemptOutcome>(new UnboundedChannelOptions { SingleReader = true });
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> _active = new();
    // Claims and records of this node take turns, so a claim never returns a delivery whose success is being recorded
    // and then finds it no longer active (possible only once its lease has passed, e.g. after a clock jump).
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _inFlight;

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recorder = RecordLoopAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = options.MaxConcurrency - Volatile.Read(ref _inFlight);
            var claimed = 0;
            if (free > 0)
            {
                try
                {
                    claimed = await ClaimAndStartAsync(free, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Any failure of a claim (a broken database connection…): log, wait, try again — the host must keep serving.
                    LogRoundFailed(log, e);
                }
            }

            // More may be due when every free slot was filled; otherwise wait for a fan-out, a finished attempt or the poll.
            if (free <= 0 || claimed < free)
            {
                await signal.WaitAsync(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }

        await recorder.ConfigureAwait(false);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries and starts their attempts; each attempt runs on its own, so
    /// a slow receiver holds one slot, not the others. Outcomes are recorded by <see cref="RecordLoopAsync"/>.
    /// </summary>
    private async Task<int> ClaimAndStartAsync(int limit, CancellationToken cancellationToken)
    {
        var now = Ticks(time.GetUtcNow());
        var started = new List<DueDelivery>();
        List<DueDelivery> due;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var sql = new StoreSql(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
                var lease = now + options.Timeout.Ticks + TimeSpan.FromSeconds(30).Ticks;
                due = await DeliveryClaims.ClaimAsync(sql, now, lease, limit, cancellationToken).ConfigureAwait(false);
            }

            // Claimed again while its attempt is in flight or awaiting its record here (the clock passed the lease):
            // the claim only moved the lease on.
            started.AddRange(due.Where(d => _active.TryAdd(d.Id, 0)));
        }
        finally
        {
            _gate.Release();
        }

        foreach (var d in started)
        {
            Interlocked.Increment(ref _inFlight);
            _ = RunAsync(d, cancellationToken);
        }

        return started.Count == 0 ? 0 : due.Count;
    }

    private async Task RunAsync(DueDelivery d, CancellationToken cancellationToken)
    {
        AttemptOutcome outcome;
        try
        {
            outcome = await AttemptAsync(d, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _active.TryRemove(d.Id, out _);
            return; // shutting down: the lease ends and another node (or this one after a restart) tries again
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or FormatException)
        {
            outcome = new AttemptOutcome(d, time.GetUtcNow(), null, 0, Truncate(e.Message), false);
        }

        await _outcomes.Writer.WriteAsync(outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records finished attempts: whatever has finished is written in one transaction (on SQLite every write takes the file lock).</summary>
    private async Task RecordLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AttemptOutcome>();
        try
        {
            while (await _outcomes.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < 500 && _outcomes.Reader.TryRead(out var outcome))
                {
                    batch.Add(outcome);
                }

                await _gate.WaitAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    await RecordAsync(batch, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Not recorded: the deliveries stay leased and are attempted again when the lease ends.
                    LogRoundFailed(log, e);
                }
                finally
                {
                    foreach (var outcome in batch)
                    {
                        _active.TryRemove(outcome.Delivery.Id, out _);
                    }

                    _gate.Release();
                }

                Interlocked.Add(ref _inFlight, -batch.Count);
                signal.Set();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(DueDelivery d, CancellationToken cancellationToken)
    {
        var id = d.EventId.ToString("D");
        var at = time.GetUtcNow();
        var timestamp = at.ToUnixTimeSeconds();
        int? status = null;
        string? excerpt;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new StringContent(d.Body, Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign(d.Secret, id, timestamp, d.Body));
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            excerpt = await ExcerptAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            excerpt = Truncate(e.Message);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            excerpt = Truncate("timeout: " + e.Message);
        }

        var latencyMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new AttemptOutcome(d, at, status, latencyMs, excerpt, status is >= 200 and < 300);
    }

    private async Task RecordAsync(List<AttemptOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var sql = new StoreSql(db);
        var disabled = new List<(DueDelivery Delivery, int Attempt, DateTimeOffset At)>();
        await using (var tx = await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.BeginTransactionAsync(db.Database, System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false))
        {
            foreach (var outcome in outcomes)
            {
                if (await RecordAsync(sql, outcome, cancellationToken).ConfigureAwait(false))
                {
                    disabled.Add((outcome.Delivery, outcome.Delivery.Attempts + 1, outcome.At));
                }
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (d, attempt, at) in disabled)
        {
            LogDisabled(log, d.SubscriptionId, d.Url, attempt);
            await bus.Publish(new SubscriptionDisabled(d.SubscriptionId, d.Url, $"delivery {d.Id} given up after {attempt} attempts", at), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one attempt and its delivery's new state; returns whether the delivery was given up (its subscription disabled).</summary>
    private async Task<bool> RecordAsync(StoreSql sql, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        var (d, at, status, latencyMs, excerpt, succeeded) = outcome;
        var attempt = d.Attempts + 1;
        var atTicks = Ticks(at);
        string newStatus;
        long next;
        if (succeeded)
        {
            (newStatus, next) = (SubscriptionStatus.Succeeded, atTicks);
        }
        else
        {
            var retryAt = at + Backoff.Delay(attempt, options.InitialRetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
            var givenUp = Ticks(retryAt) > d.CreatedAt + options.RetryWindow.Ticks;
            (newStatus, next) = givenUp ? (SubscriptionStatus.Failed, atTicks) : (SubscriptionStatus.Pending, Ticks(retryAt));
        }

        {
            await sql.ExecuteAsync(
                """
                INSERT INTO "WebhookAttempts" ("Id", "DeliveryId", "Attempt", "At", "StatusCode", "LatencyMs", "Excerpt", "Succeeded")
                VALUES (@id, @deliveryId, @attempt, @at, @status, @latency, @excerpt, @succeeded)
                """,
                cancellationToken,
                ("@id", sql.Key(Guid.CreateVersion7(at))), ("@deliveryId", sql.Key(d.Id)), ("@attempt", attempt), ("@at", atTicks),
                ("@status", status), ("@latency", latencyMs), ("@excerpt", excerpt), ("@succeeded", succeeded)).ConfigureAwait(false);
            await sql.ExecuteAsync(
                """
                UPDATE "WebhookDeliveries" SET "Status" = @status, "Attempts" = @attempt, "NextAttemptAt" = @next, "LastStatusCode" = @code,
                  "CompletedAt" = CASE WHEN @status = 'Pending' THEN NULL ELSE @at END
                WHERE "Id" = @id
                """,
                cancellationToken,
                ("@status", newStatus), ("@attempt", attempt), ("@next", next), ("@code", status), ("@at", atTicks), ("@id", sql.Key(d.Id))).ConfigureAwait(false);
            if (newStatus == SubscriptionStatus.Failed)
            {
                await sql.ExecuteAsync(
                    """UPDATE "WebhookSubscriptions" SET "Status" = 'Disabled', "StatusReason" = @reason, "UpdatedAt" = @at WHERE "Id" = @id""",
                    cancellationToken,
                    ("@reason", $"delivery {d.Id} given up after {attempt} attempts; last: {(status?.ToString(CultureInfo.InvariantCulture) ?? excerpt)}"),
                    ("@at", atTicks), ("@id", sql.Key(d.SubscriptionId))).ConfigureAwait(false);
            }
        }

        return newStatus == SubscriptionStatus.Failed;
    }

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new char[ExcerptLength];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private static string Truncate(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength];

    private static long Ticks(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery round failed; retrying after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} ({Url}) disabled: a delivery failed for the whole retry window ({Attempts} attempts)")]
    private static partial void LogDisabled(ILogger logger, Guid subscriptionId, string url, int attempts);
}
