using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Runtime.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Sends due deliveries (<see cref="IWebhookDeliveryStore.ClaimDueAsync"/>: per-case order), up to <see cref="WebhookOptions.MaxConcurrency"/> in flight
/// per node, each attempt on its own (a slow receiver holds one slot), and records each attempt in the delivery log
/// (finished attempts are written together). A 2xx answer is success; anything else (another status, a
/// redirect, a timeout, a refused connection or target) is retried with <see cref="Backoff"/> until
/// <see cref="WebhookOptions.RetryWindow"/> has passed since the delivery was created; then it is given up and
/// its subscription disabled (<see cref="SubscriptionDisabled"/> published, a warning logged). Woken by
/// <see cref="DeliverySignal"/>, else every <see cref="WebhookOptions.PollInterval"/> of the injected clock.
/// </summary>
internal sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes, WebhookHttp http, DeliverySignal signal, IOptions<WebhookOptions> webhookOptions, TimeProvider time, IBus bus, ILogger<DeliveryWorker> log)
    : BackgroundService
{
    private readonly WebhookOptions _options = webhookOptions.Value;
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
            var free = _options.MaxConcurrency - Volatile.Read(ref _inFlight);
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
                await signal.WaitAsync(_options.PollInterval, time, stoppingToken).ConfigureAwait(false);
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
        var now = time.GetUtcNow();
        var started = new List<DueDelivery>();
        IReadOnlyList<DueDelivery> due;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var lease = now + _options.Timeout + TimeSpan.FromSeconds(30);
                due = await scope.ServiceProvider.GetRequiredService<IWebhookDeliveryStore>().ClaimDueAsync(now, lease, limit, cancellationToken).ConfigureAwait(false);
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
        var attempts = outcomes.Select(Attempt).ToList();
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IWebhookDeliveryStore>().RecordAsync(attempts, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < attempts.Count; i++)
        {
            if (attempts[i].DisableReason is not null)
            {
                var d = outcomes[i].Delivery;
                LogDisabled(log, d.SubscriptionId, d.Url, attempts[i].Attempt);
                await bus.Publish(
                    new SubscriptionDisabled(d.SubscriptionId, d.Url, $"delivery {d.Id} given up after {attempts[i].Attempt} attempts", attempts[i].At),
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>An attempt and its delivery's new state: succeeded, retried with backoff, or given up (its subscription disabled).</summary>
    private DeliveryAttempt Attempt(AttemptOutcome outcome)
    {
        var (d, at, status, latencyMs, excerpt, succeeded) = outcome;
        var attempt = d.Attempts + 1;
        string newStatus;
        DateTimeOffset next;
        if (succeeded)
        {
            (newStatus, next) = (WebhookStatus.Succeeded, at);
        }
        else
        {
            var retryAt = at + Backoff.Delay(attempt, _options.InitialRetryDelay, _options.MaxRetryDelay, Random.Shared.NextDouble());
            var givenUp = retryAt > d.CreatedAt + _options.RetryWindow;
            (newStatus, next) = givenUp ? (WebhookStatus.Failed, at) : (WebhookStatus.Pending, retryAt);
        }

        var reason = newStatus == WebhookStatus.Failed
            ? $"delivery {d.Id} given up after {attempt} attempts; last: {(status?.ToString(CultureInfo.InvariantCulture) ?? excerpt)}"
            : null;
        return new DeliveryAttempt(d.Id, d.SubscriptionId, attempt, at, status, latencyMs, excerpt, succeeded, newStatus, next, reason);
    }

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new char[ExcerptLength];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private static string Truncate(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery round failed; retrying after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} ({Url}) disabled: a delivery failed for the whole retry window ({Attempts} attempts)")]
    private static partial void LogDisabled(ILogger logger, Guid subscriptionId, string url, int attempts);
}
