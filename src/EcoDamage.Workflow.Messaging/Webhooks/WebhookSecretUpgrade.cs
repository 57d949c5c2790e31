using EcoDamage.Workflow.Runtime.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>When the host starts, encrypts the signing secrets of subscriptions stored in plain text before secrets were encrypted at rest.</summary>
internal sealed class WebhookSecretUpgrade(IServiceScopeFactory scopes, WebhookSecrets secrets) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IWebhookSubscriptionStore>();
        foreach (var subscription in await store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (WebhookSecrets.IsPlain(subscription.Secret))
            {
                await store.UpdateAsync(subscription with { Secret = secrets.Seal(subscription.Secret) }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
