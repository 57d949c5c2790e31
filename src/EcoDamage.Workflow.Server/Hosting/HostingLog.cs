namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Source-generated log messages of the host's own start-up.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(5001, LogLevel.Information, "Storage: {Storage}; documents in {Documents}")]
    public static partial void StorageInUse(ILogger logger, string storage, string documents);
}
