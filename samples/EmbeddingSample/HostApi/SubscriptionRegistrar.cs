using EmbeddingSample.Webhooks;
using Microsoft.Extensions.Options;

namespace EmbeddingSample.HostApi;

/// <summary>
/// On start, subscribes <c>{PublicUrl}/hooks</c> to the host's webhooks (retrying while the host is still starting) and
/// remembers the secret deliveries will be signed with; on a graceful stop, deletes the subscription again.
/// </summary>
internal sealed partial class SubscriptionRegistrar(
    WorkflowHostClient host, WebhookSecrets secrets, IOptions<SampleOptions> options, TimeProvider time, ILogger<SubscriptionRegistrar> logger) : BackgroundService
{
    private string? _subscriptionId;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_subscriptionId is { } id)
        {
            try
            {
                await host.UnsubscribeAsync(id, cancellationToken);
                LogUnsubscribed(logger, id);
            }
            catch (Exception error) when (error is HttpRequestException or HostCallException)
            {
                LogFailed(logger, error.Message);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var secret = string.IsNullOrEmpty(settings.WebhookSecret) ? WebhookSignature.NewSecret() : settings.WebhookSecret;
        var target = new Uri(settings.PublicUrl ?? SampleOptions.ReachableUrl(null), "hooks");
        var events = settings.EventTypes.Count > 0 ? settings.EventTypes : ["*"];
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var created = await host.SubscribeAsync(target, events, secret, stoppingToken);
                // The host returns the secret once when it generated one; ours otherwise.
                secrets.Add(created.TryGetProperty("secret", out var returned) && returned.GetString() is { Length: > 0 } s ? s : secret);
                _subscriptionId = created.TryGetProperty("id", out var id) ? id.ToString() : null;
                LogSubscribed(logger, target, events, _subscriptionId);
                return;
            }
            catch (HttpRequestException error) when (attempt < 30)
            {
                LogWaiting(logger, settings.HostUrl, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
            catch (Exception error) when (error is HttpRequestException or HostCallException)
            {
                LogFailed(logger, error.Message);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed {Target} to {Events} (subscription {Id})")]
    private static partial void LogSubscribed(ILogger logger, Uri target, IEnumerable<string> events, string? id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for the host at {Host}: {Reason}")]
    private static partial void LogWaiting(ILogger logger, Uri host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not manage the webhook subscription: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted subscription {Id}")]
    private static partial void LogUnsubscribed(ILogger logger, string id);
}
