using EcoDamage.Workflow.Messaging.DependencyInjection;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>
/// A node must stop promptly on a graceful stop even when the bus does not (MassTransit waits for every event it holds,
/// e.g. a relay backlog, to be consumed, and ignores the host's stop token): the wait for the bus is bounded.
/// </summary>
public sealed class BusStopTests
{
    [Fact]
    public async Task BusThatNeverStops_HostedServiceStillStops()
    {
        var stop = new BoundedStopHostedService(new NeverStops(), TimeSpan.FromMilliseconds(200), NullLogger<BoundedStopHostedService>.Instance);
        var stopping = stop.StopAsync(CancellationToken.None);
        var finished = await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(stopping, finished);
        await stopping; // completes without an exception
    }

    [Fact]
    public async Task BusThatNeverStops_HostsStopTokenEndsTheWait()
    {
        var stop = new BoundedStopHostedService(new NeverStops(), TimeSpan.FromHours(1), NullLogger<BoundedStopHostedService>.Instance);
        using var host = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopping = stop.StopAsync(host.Token);
        var finished = await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(stopping, finished);
        await stopping;
    }

    [Fact]
    public async Task AddMessaging_BoundsTheBusStop()
    {
        var services = new ServiceCollection();
        services.AddMessaging(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        Assert.DoesNotContain(hosted, d => d.ImplementationType == typeof(MassTransitHostedService));
        await using var provider = services.AddLogging().BuildServiceProvider();
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is BoundedStopHostedService);
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MassTransitHostOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(10), options.StopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConsumerStopTimeout);
    }

    private sealed class NeverStops : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => new TaskCompletionSource().Task;
    }
}
