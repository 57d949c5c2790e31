using EcoDamage.Workflow.Server.Cases;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// Says, once the host has started, which storage and which document folder it uses; the catalog's folder and the
/// listening addresses are logged by the catalog and by ASP.NET Core.
/// </summary>
internal sealed class StartupSummary(IConfiguration configuration, ILogger<StartupSummary> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var documents = configuration[$"{DocumentStorageOptions.SectionName}:{nameof(DocumentStorageOptions.Directory)}"] ?? new DocumentStorageOptions().Directory;
        HostingLog.StorageInUse(logger, StorageTarget.Describe(configuration.GetSection("Storage")), Path.GetFullPath(documents));
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
