namespace EcoDamage.Workflow.Server.Access;

/// <summary>The access checks' log messages.</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "{Count} case reads not logged: {Reason}")]
    public static partial void ReadLogBatchDropped(ILogger logger, int count, string reason);
}
