using Microsoft.AspNetCore.Http.Features;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// Refuses hostile input at the boundary, before binding: NUL or a lone surrogate in the path,
/// a query, route or header value (400 naming it), and any JSON body that <see cref="JsonBodyCheck"/> refuses or that is
/// larger than <see cref="MaxJsonBytes"/> (413). The body is read once and handed on from memory.
/// </summary>
internal static class RequestGuardExtensions
{
    /// <summary>The largest JSON body any endpoint accepts (1 MiB); commands have a tighter limit of their own.</summary>
    public const long MaxJsonBytes = 1024 * 1024;

    /// <summary>Adds the guard; place it after authorization, so that an unknown caller is told 401 before anything about its input.</summary>
    public static WebApplication UseRequestGuards(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestGuardExtensions).FullName!);
        app.Use(async (context, next) =>
        {
            if (ValueProblem(context.Request) is { } problem)
            {
                HardeningLog.RequestRefused(logger, context.Request.Method, context.Request.Path.Value ?? "/", problem.Field);
                await Problems.BadParameter(problem.Field, problem.Message).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            if (IsJson(context.Request))
            {
                var body = await ReadAtMostAsync(context, MaxJsonBytes).ConfigureAwait(false);
                if (body is null)
                {
                    await Problems.TooLarge(MaxJsonBytes).ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }

                if (body.Length > 0 && JsonBodyCheck.Find(body) is { } bad)
                {
                    // A malformed body is the caller's mistake: one line, no exception, no content.
                    HardeningLog.BodyRefused(logger, context.Request.Method, context.Request.Path.Value ?? "/", bad.Field, bad.Message);
                    await Problems.BadParameter(bad.Field, bad.Message).ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }

                context.Request.Body = new MemoryStream(body, writable: false);
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    private static bool IsJson(HttpRequest request)
    {
        var type = request.ContentType;
        if (type is null || (request.ContentLength == 0))
        {
            return false;
        }

        var media = type.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }

    private static (string Field, string Message)? ValueProblem(HttpRequest request)
    {
        if (InboundText.Problem(request.Path.Value) is { } inPath)
        {
            return ("path", inPath);
        }

        foreach (var (key, values) in request.Query)
        {
            if (InboundText.Problem(key) is not null)
            {
                return ("query", "a parameter name " + InboundText.Problem(key));
            }

            foreach (var value in values)
            {
                if (InboundText.Problem(value) is { } inQuery)
                {
                    return (key, inQuery);
                }
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && InboundText.Problem(text) is { } inRoute)
            {
                return (key, inRoute);
            }
        }

        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                if (InboundText.Problem(value) is { } inHeader)
                {
                    return (name, inHeader);
                }
            }
        }

        return null;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature
            && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > limit))
        {
            feature.MaxRequestBodySize = limit + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
