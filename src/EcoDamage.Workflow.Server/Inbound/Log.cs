namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>The inbound hooks' log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Inbound hook from {System} rejected: {Reason}")]
    public static partial void HookRejected(ILogger logger, string system, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Inbound hook secret {SecretId} of {System} cannot be decrypted with this host's data-protection keys; it is ignored")]
    public static partial void SecretUnreadable(ILogger logger, string system, string secretId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Inbound hook from {System} refused: message {MessageId} at {Timestamp} was already accepted (a replay)")]
    public static partial void HookReplayed(ILogger logger, string system, string messageId, long timestamp);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Inbound hook secret {SecretId} of {System} {Action} by {Actor}")]
    public static partial void HookSecretChanged(ILogger logger, string secretId, string system, string action, string actor);
}
