using Microsoft.AspNetCore.Http.Features;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// A tighter body limit for the JSON commands of the clues and cases APIs than the server-wide one that
/// document uploads need: a larger declared body is answered with 413 before anything is read.
/// </summary>
internal static class CommandBodyLimitExtensions
{
    /// <summary>The largest JSON command body accepted (256 KiB).</summary>
    public const long MaxCommandBytes = 256 * 1024;

    /// <summary>Adds the limit for <c>/api/clues</c> and <c>/api/cases</c> requests that are not multipart uploads.</summary>
    public static WebApplication UseCommandBodyLimit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var isCommand = (path.StartsWithSegments("/api/clues", StringComparison.Ordinal) || path.StartsWithSegments("/api/cases", StringComparison.Ordinal))
                && !context.Request.HasFormContentType;
            if (isCommand && context.Request.ContentLength > MaxCommandBytes)
            {
                await Problems.TooLarge(MaxCommandBytes).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            if (isCommand && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxCommandBytes;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }
}
