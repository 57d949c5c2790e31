namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>The managed credentials' log messages; none carries a key or a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "API key {Key} refused: {Reason}")]
    public static partial void KeyRefused(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "API key {KeyId} {Action} by {Actor}")]
    public static partial void KeyChanged(ILogger logger, string keyId, string action, string actor);
}
