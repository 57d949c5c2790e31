namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The identity code's log messages (never a password, hash, token or key).</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Created the first administrator '{UserName}' from the settings; it must change its password at the first sign-in")]
    public static partial void AdministratorBootstrapped(ILogger logger, string userName);
}
