using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Messaging.Outbox;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Extension methods on IServiceCollection live in its namespace, so Program.cs needs no extra using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the outbox relay with the bus (<see cref="AddMessaging"/>) and outbound webhooks (<see cref="AddWebhooks"/>).</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the outbox relay — it claims outbox rows through the store's <see cref="IOutboxDispatcher"/>, writing their
    /// webhook deliveries in the same transaction, and then publishes them on MassTransit (section <c>Messaging</c>:
    /// <c>Transport</c> <c>InMemory</c> by default or <c>RabbitMq</c> with <c>RabbitMqUri</c>) for integration consumers —
    /// and the real <see cref="IOutboxSignal"/>, which wakes the relay after every commit that wrote outbox rows. Order
    /// with the runtime and the storage does not matter. The host itself consumes nothing from the bus, so no receive
    /// endpoint exists unless <paramref name="configureBus"/> adds consumers (their endpoints are configured by name).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="configureBus">Adds integration consumers of <c>CaseEventBatch</c> or <c>SubscriptionDisabled</c> (optional).</param>
    /// <returns>The same collection.</returns>
    /// <remarks>The <c>Messaging</c> and <c>Webhooks</c> sections are validated when the host starts; every problem is listed.</remarks>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        AddWebhookOptions(services, configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<DeliverySignal>();
        services.RemoveAll<IOutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());

        // The transport decides which MassTransit methods are called, so it is read now; everything else through IOptions.
        var transport = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()?.Transport ?? MessagingTransport.InMemory;
        services.AddMassTransit(x =>
        {
            configureBus?.Invoke(x);
            if (transport == MessagingTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    RabbitMqHost.Configure(cfg, new Uri(context.GetRequiredService<IOptions<MessagingOptions>>().Value.RabbitMqUri));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        // MassTransit's stop does not honour the host's stop token: it waits until every message it holds has been consumed.
        // The wait is bounded by StopTimeout, consumers in flight get half of it.
        services.AddOptions<MassTransitHostOptions>().Configure<IOptions<MessagingOptions>>((o, messaging) =>
        {
            o.StopTimeout = messaging.Value.StopTimeout;
            o.ConsumerStopTimeout = messaging.Value.StopTimeout / 2;
        });
        BoundBusStop(services);
        services.AddHostedService<OutboxRelay>();
        return services;
    }

    /// <summary>
    /// Adds outbound webhooks (section <c>Webhooks</c>): <see cref="WebhookSubscriptions"/> (scoped), the signed HTTP client
    /// that refuses private targets unless <c>AllowPrivateTargets</c>, and the delivery worker (retries with backoff over
    /// <c>RetryWindow</c>, per-case order, disabling after persistent failure). The deliveries themselves are written by the
    /// relay of <see cref="AddMessaging"/>. Signing secrets are stored encrypted with the host's
    /// <see cref="EcoDamage.Workflow.Runtime.Security.ISecretProtector"/>, which the host must register; plain secrets of older rows are
    /// encrypted when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The same collection.</returns>
    /// <remarks>The <c>Webhooks</c> section is validated when the host starts; every problem is listed.</remarks>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddWebhookOptions(services, configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<WebhookHttp>();
        services.TryAddSingleton<WebhookSecrets>();
        services.TryAddSingleton<IDeclaredEventNames, NoDeclaredEventNames>();
        services.TryAddScoped(sp => new WebhookSubscriptions(
            sp.GetRequiredService<IWebhookSubscriptionStore>(), sp.GetRequiredService<IOptions<WebhookOptions>>(), sp.GetRequiredService<DeliverySignal>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IDeclaredEventNames>(), sp.GetRequiredService<WebhookSecrets>()));
        services.AddHostedService<WebhookSecretUpgrade>();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }

    private static void AddWebhookOptions(IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<WebhookOptions>)))
        {
            return;
        }

        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
    }

    private static void BoundBusStop(IServiceCollection services)
    {
        var bus = services.LastOrDefault(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(MassTransitHostedService))
            ?? throw new InvalidOperationException("MassTransit registered no hosted service");
        services[services.IndexOf(bus)] = ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new BoundedStopHostedService(
            ActivatorUtilities.CreateInstance<MassTransitHostedService>(sp),
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.StopTimeout,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BoundedStopHostedService>>()));
    }
}
