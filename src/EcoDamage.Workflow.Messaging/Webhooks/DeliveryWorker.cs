using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
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
/// Sends due deliveries (<see cref="DeliveryClaims"/>), up to <see cref="WebhookOptions.MaxConcurrency"/> at once,
/// and records each attempt in the delivery log. A 2xx answer is success; anything else (another status, a
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await DeliverOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Any failure of a round (a broken database connection, an unexpected answer: log, wait, try again — the host must keep serving).
                LogRoundFailed(log, e);
                sent = 0;
            }

            if (sent == 0)
            {
                await signal.WaitAsync(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims and attempts one round of due deliveries; returns how many were attempted.</summary>
    internal async Task<int> DeliverOnceAsync(CancellationToken cancellationToken)
    {
        List<DueDelivery> due;
        var now = Ticks(time.GetUtcNow());
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sql = new StoreSql(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
            var lease = now + options.Timeout.Ticks + TimeSpan.FromSeconds(30).Ticks;
            due = await DeliveryClaims.ClaimAsync(sql, now, lease, options.MaxConcurrency, cancellationToken).ConfigureAwait(false);
        }

        if (due.Count == 0)
        {
            return 0;
        }

        // The round's outcomes are recorded in one transaction: on SQLite every write transaction takes the file lock.
        var outcomes = await Task.WhenAll(due.Select(d => AttemptAsync(d, cancellationToken))).ConfigureAwait(false);
        await RecordAsync(outcomes, cancellationToken).ConfigureAwait(false);
        return due.Count;
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
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(d.Secret, id, timestamp, d.Body));
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

    private async Task RecordAsync(AttemptOutcome[] outcomes, CancellationToken cancellationToken)
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
