namespace EcoDamage.Workflow.Server.Migrations;

/// <summary>Log messages of the migration worker.</summary>
internal static partial class MigrationLog
{
    [LoggerMessage(EventId = 1461, Level = LogLevel.Information, Message = "Resuming migration {MigrationId} after case {Cursor}")]
    public static partial void Resumed(ILogger logger, string migrationId, string? cursor);

    [LoggerMessage(EventId = 1462, Level = LogLevel.Information, Message = "Migration {MigrationId} visited every affected case")]
    public static partial void Finished(ILogger logger, string migrationId);

    [LoggerMessage(EventId = 1463, Level = LogLevel.Error, Message = "Migration {MigrationId} stopped: {Reason}; it stays running and resumes when executed again or at the next start")]
    public static partial void Failed(ILogger logger, string migrationId, string reason);
}
