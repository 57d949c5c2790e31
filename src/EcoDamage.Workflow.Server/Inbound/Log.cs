namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>The inbound hooks' log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Inbound hook from {System} rejected: {Reason}")]
    public static partial void HookRejected(ILogger logger, string system, string reason);
}
