using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Outbox;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.Ports;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Extension methods on IServiceCollection live in its namespace, so Program.cs needs no extra using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the bus with the outbox relay (<see cref="AddMessaging"/>) and outbound webhooks (<see cref="AddWebhooks"/>).</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Adds MassTransit (section <c>Messaging</c>: <c>Transport</c> <c>InMemory</c> by default or <c>RabbitMq</c> with
    /// <c>RabbitMqUri</c>), the webhook fan-out consumer on <c>FanOutQueue</c>, and the outbox relay, woken after every
    /// commit. Call after the storage (<c>AddWorkflowStorage</c>): it wraps the store's <see cref="IUnitOfWork"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentException">The <c>Messaging</c> section is invalid (every problem is listed).</exception>
    /// <exception cref="InvalidOperationException">No <see cref="IUnitOfWork"/> is registered yet.</exception>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new MessagingOptions();
        configuration.GetSection(MessagingOptions.SectionName).Bind(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("invalid messaging options: " + string.Join("; ", problems), nameof(configuration));
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton(_ => WebhookOptionsFrom(configuration));
        DecorateUnitOfWork(services);

        services.AddMassTransit(x =>
        {
            x.AddConsumer<WebhookFanOutConsumer>();
            if (options.Transport == MessagingTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    var uri = new Uri(options.RabbitMqUri);
                    var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
                    var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]) : string.Empty;
                    var vhost = uri.AbsolutePath.Trim('/') is { Length: > 0 } v ? Uri.UnescapeDataString(v) : "/";
                    cfg.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port), vhost, h =>
                    {
                        if (user.Length > 0)
                        {
                            h.Username(user);
                            h.Password(password);
                        }

                        if (uri.Scheme == "amqps")
                        {
                            h.UseSsl(s => s.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
                        }
                    });
                    cfg.ReceiveEndpoint(options.FanOutQueue, e =>
                    {
                        e.AutoDelete = options.AutoDeleteQueue;
                        FanOutEndpoint(e, context);
                    });
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ReceiveEndpoint(options.FanOutQueue, e => FanOutEndpoint(e, context)));
            }
        });
        // MassTransit's stop does not honour the host's stop token: it waits until every event it holds has been consumed,
        // so a node stopping with a relay backlog (thousands of events in the in-memory queue) would not stop for as long
        // as the backlog lasts, or at all once the container is disposed under it. Fan-outs in flight are cancelled after
        // half the stop timeout (their transaction rolls back) and the wait for the bus is bounded by the whole of it.
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.StopTimeout = options.StopTimeout;
            o.ConsumerStopTimeout = options.StopTimeout / 2;
        });
        BoundBusStop(services, options.StopTimeout);
        services.AddHostedService<OutboxRelay>();
        return services;
    }

    /// <summary>
    /// Adds outbound webhooks (section <c>Webhooks</c>): the subscriptions service, the signed HTTP client that refuses
    /// private targets unless <c>AllowPrivateTargets</c>, and the delivery worker (retries with backoff over
    /// <c>RetryWindow</c>, per-case order, disabling after persistent failure).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The same collection.</returns>
    /// <exception cref="ArgumentException">The <c>Webhooks</c> section is invalid (every problem is listed).</exception>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = WebhookOptionsFrom(configuration);
        services.RemoveAll<WebhookOptions>();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeliverySignal>();
        services.AddSingleton<WebhookHttp>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }

    private static WebhookOptions WebhookOptionsFrom(IConfiguration configuration)
    {
        var options = new WebhookOptions();
        configuration.GetSection(WebhookOptions.SectionName).Bind(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("invalid webhook options: " + string.Join("; ", problems), nameof(configuration));
        }

        return options;
    }

    private static void FanOutEndpoint(IReceiveEndpointConfigurator endpoint, IBusRegistrationContext context)
    {
        // One batch (a relay's claim, in id order) at a time per node keeps a case's events in order on the way to their
        // delivery rows; delivery order does not depend on it (DeliveryClaims waits for earlier fan-outs). A batch is one transaction.
        endpoint.ConcurrentMessageLimit = 1;
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 4;
        }

        endpoint.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000));
        endpoint.ConfigureConsumer<WebhookFanOutConsumer>(context);
    }

    private static void BoundBusStop(IServiceCollection services, TimeSpan timeout)
    {
        var bus = services.LastOrDefault(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(MassTransitHostedService))
            ?? throw new InvalidOperationException("MassTransit registered no hosted service");
        services[services.IndexOf(bus)] = ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new BoundedStopHostedService(
            ActivatorUtilities.CreateInstance<MassTransitHostedService>(sp),
            timeout,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BoundedStopHostedService>>()));
    }

    private static void DecorateUnitOfWork(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IUnitOfWork))
            ?? throw new InvalidOperationException("AddMessaging wraps the store's IUnitOfWork: call AddWorkflowStorage first");
        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(
            typeof(IUnitOfWork),
            sp => new SignallingUnitOfWork(Create(sp, inner), sp.GetRequiredService<OutboxSignal>()),
            inner.Lifetime));
    }

    private static IUnitOfWork Create(IServiceProvider sp, ServiceDescriptor d) =>
        (IUnitOfWork)(d.ImplementationInstance
            ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
