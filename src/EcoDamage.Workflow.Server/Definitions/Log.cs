namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>Source-generated log messages of the definitions adapter.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Error, "{File}:{Line}:{Column}: error {RuleId}: {Message}")]
    public static partial void CatalogError(ILogger logger, string file, int line, int column, string ruleId, string message);

    [LoggerMessage(1002, LogLevel.Warning, "{File}:{Line}:{Column}: warning {RuleId}: {Message}")]
    public static partial void CatalogWarning(ILogger logger, string file, int line, int column, string ruleId, string message);

    [LoggerMessage(1003, LogLevel.Information, "Workflow catalog loaded from {Directory}: {Count} definition version(s)")]
    public static partial void CatalogLoaded(ILogger logger, string directory, int count);

    [LoggerMessage(1004, LogLevel.Information, "Seed catalog imported into the definition store from {Directory}: {Definitions} definition version(s), {Documents} document(s)")]
    public static partial void SeedImported(ILogger logger, string directory, int definitions, int documents);

    [LoggerMessage(1005, LogLevel.Error, "Reloading the workflow catalog from the definition store failed; the catalog in force stays")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);
}
