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
/// Sends due deliveries (<see cref="IWebhookDeliveryStore.RecordAndClaimAsync"/>: per-case order), up to
/// <see cref="WebhookOptions.MaxConcurrency"/> in flight per node, each attempt on its own (a slow receiver holds one
/// slot). One loop takes turns with the store: each round records every attempt finished since the last one and claims
/// due deliveries for the free slots and a short queue ahead of them, in one transaction (on SQLite every write
/// transaction is a file lock and a sync; on PostgreSQL a few round trips and a commit). A finished attempt frees its slot
/// at once and the next claimed delivery starts in it, without waiting for the round that records the attempt: the
/// store's rounds and the sends overlap. Order holds, since a claim only takes the oldest pending delivery of each
/// (subscription, case) and the next one stays pending behind it until its attempt is recorded. A 2xx answer is success;
/// anything else (another status, a redirect, a timeout, a refused connection or target) is retried with <see cref="Backoff"/> until
/// <see cref="WebhookOptions.RetryWindow"/> has passed since the delivery was created; then it is given up and
/// its subscription disabled (<see cref="SubscriptionDisabled"/> published, a warning logged). Woken by
/// <see cref="DeliverySignal"/>, else every <see cref="WebhookOptions.PollInterval"/> of the injected clock.
/// </summary>
internal sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes, WebhookHttp http, DeliverySignal signal, IOptions<WebhookOptions> webhookOptions, TimeProvider time, IBus bus, ILogger<DeliveryWorker> log,
    WebhookSecrets secrets)
    : BackgroundService
{
    private const int ExcerptLength = 512;
    private const int MaxRecordedPerRound = 500;

    /// <summary>
    /// How many deliveries per slot are claimed ahead and wait in the queue: finished attempts start the next ones at once,
    /// so a round of the store (on PostgreSQL a few round trips and a commit, ~10 ms) must claim more than the slots send
    /// meanwhile (16 slots against a fast receiver: ~40 deliveries per 10 ms).
    /// </summary>
    private const int QueuedRounds = 6;
    private readonly WebhookOptions _options = webhookOptions.Value;
    private readonly Channel<AttemptOutcome> _outcomes = Channel.CreateUnbounded<AttemptOutcome>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> _active = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<DueDelivery> _ready = new();
    private int _inFlight;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var finished = new List<AttemptOutcome>();
        while (!stoppingToken.IsCancellationRequested)
        {
            finished.Clear();
            while (finished.Count < MaxRecordedPerRound && _outcomes.Reader.TryRead(out var outcome))
            {
                finished.Add(outcome);
            }

            // Claimed ahead: as many as the free slots plus QueuedRounds deliveries per slot, so that a round's
            // transaction (a sync on SQLite, a round trip and a commit on PostgreSQL) carries many deliveries, not one.
            var free = _options.MaxConcurrency - Volatile.Read(ref _inFlight);
            var wanted = Math.Max(0, free + (QueuedRounds * _options.MaxConcurrency) - _ready.Count);
            var claimed = 0;
            if (finished.Count > 0 || wanted > 0)
            {
                try
                {
                    claimed = await RoundAsync(finished, wanted, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Any failure of a round (a broken database connection…): log, wait, try again — the host must keep serving.
                    // Attempts not recorded stay leased and are made again when their lease ends.
                    LogRoundFailed(log, e);
                    Forget(finished);
                }
            }

            StartReady(stoppingToken);

            // More may be due when every wanted delivery was claimed, or attempts finished meanwhile; otherwise wait for a
            // claim's fan-out, a finished attempt, a resume or the poll.
            if (_outcomes.Reader.Count == 0 && (wanted == 0 || claimed < wanted))
            {
                await signal.WaitAsync(_options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Records <paramref name="finished"/> and claims up to <paramref name="limit"/> due deliveries in one transaction, and
    /// queues the claimed ones; returns how many were claimed.
    /// </summary>
    private async Task<int> RoundAsync(List<AttemptOutcome> finished, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = finished.Select(Attempt).ToList();
        // Recorded first, in the same transaction as the claim below: a retry already due is claimed and started again like
        // any other delivery. Only this loop claims on this node.
        Forget(finished);
        IReadOnlyList<DueDelivery> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // The lease covers the wait in the queue (at most QueuedRounds attempts' timeouts) and the attempt itself.
            due = await scope.ServiceProvider.GetRequiredService<IWebhookDeliveryStore>()
                .RecordAndClaimAsync(attempts, now, now + ((QueuedRounds + 1) * _options.Timeout) + TimeSpan.FromSeconds(30), limit, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < attempts.Count; i++)
        {
            if (attempts[i].DisableReason is not null)
            {
                var d = finished[i].Delivery;
                LogDisabled(log, d.SubscriptionId, d.Url, attempts[i].Attempt);
                await bus.Publish(
                    new SubscriptionDisabled(d.SubscriptionId, d.Url, $"delivery {d.Id} given up after {attempts[i].Attempt} attempts", attempts[i].At),
                    cancellationToken).ConfigureAwait(false);
            }
        }

        // Claimed again while queued or in flight here (the clock passed the lease): the claim only moved the lease on.
        foreach (var d in due)
        {
            if (_active.TryAdd(d.Id, 0))
            {
                _ready.Enqueue(d);
            }
        }

        return due.Count;
    }

    /// <summary>Starts queued deliveries while slots are free, oldest claim first (from the loop and from finished attempts).</summary>
    private void StartReady(CancellationToken cancellationToken)
    {
        while (true)
        {
            var inFlight = Volatile.Read(ref _inFlight);
            if (inFlight >= _options.MaxConcurrency || _ready.IsEmpty)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _inFlight, inFlight + 1, inFlight) != inFlight)
            {
                continue; // another thread took or freed a slot meanwhile: look again
            }

            if (_ready.TryDequeue(out var d))
            {
                _ = RunAsync(d, cancellationToken);
            }
            else
            {
                Interlocked.Decrement(ref _inFlight);
                return;
            }
        }
    }

    /// <summary>Forgets finished attempts (recorded or not): a later claim of the same delivery is queued again.</summary>
    private void Forget(List<AttemptOutcome> finished)
    {
        foreach (var outcome in finished)
        {
            _active.TryRemove(outcome.Delivery.Id, out _);
        }
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
            return; // shutting down: the lease ends and another node (or this one after a restart) tries again
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or FormatException)
        {
            outcome = new AttemptOutcome(d, time.GetUtcNow(), null, 0, Truncate(e.Message), false);
        }

        _outcomes.Writer.TryWrite(outcome); // unbounded: always written
        Interlocked.Decrement(ref _inFlight);
        signal.Set();
        StartReady(cancellationToken); // the slot goes to the next claimed delivery now; the round records this attempt
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
            request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign(secrets.Open(d.Secret), id, timestamp, d.Body));
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
