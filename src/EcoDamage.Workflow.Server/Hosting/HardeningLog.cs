namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Source-generated log messages of the request guards: a refused request is the caller's mistake, so one line without exception or content.</summary>
internal static partial class HardeningLog
{
    [LoggerMessage(5101, LogLevel.Information, "{Method} {Path} refused: {Field} holds a NUL character or a lone surrogate")]
    public static partial void RequestRefused(ILogger logger, string method, string path, string field);

    [LoggerMessage(5102, LogLevel.Information, "{Method} {Path} refused: JSON body at {Field}: {Problem}")]
    public static partial void BodyRefused(ILogger logger, string method, string path, string field, string problem);

    [LoggerMessage(5103, LogLevel.Information, "{Method} {Path} refused with {Status}: {Reason}")]
    public static partial void BadRequest(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(5104, LogLevel.Information, "{Method} {Path} refused with 429: rate limit of {Partition}")]
    public static partial void RateLimited(ILogger logger, string method, string path, string partition);
}
