namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>How the host starts its hosted services.</summary>
internal static class StartupConcurrencyExtensions
{
    /// <summary>
    /// Starts the hosted services concurrently, phase by phase: the <c>Starting</c> phase (catalog load, storage
    /// migration) completes for all of them before the <c>Start</c> phase (the bus, the outbox relay, the delivery
    /// worker, Quartz, the server's listening) begins, so nothing serves or schedules before the catalog is loaded and
    /// the schema is current. Stopping stays sequential, in reverse order.
    /// </summary>
    public static IServiceCollection AddStartupConcurrency(this IServiceCollection services) =>
        services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
}
