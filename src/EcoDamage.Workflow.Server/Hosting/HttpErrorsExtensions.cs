using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Every error as RFC 9457 ProblemDetails, never a stack trace.</summary>
internal static class HttpErrorsExtensions
{
    /// <summary>Registers ProblemDetails and JSON options (Chinese written as is, not escaped).</summary>
    public static IServiceCollection AddHttpErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            // Strict parsing: a property given twice is refused, not silently the last one wins.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.MaxDepth = JsonBodyCheck.MaxDepth;
        });
        return services;
    }

    /// <summary>
    /// Adds the exception handler (500 ProblemDetails without exception details; a rejected request such as
    /// an oversized body keeps its own status) and status-code pages for empty error responses (404, 405…).
    /// </summary>
    public static WebApplication UseHttpErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A database that refuses connections for now (all slots taken, a failover) is a 503 the caller may retry.
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode
                : IsTransientStorageFailure(ex) ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
            // A rejected request (malformed body, oversized body, bad parameter) is the caller's mistake: one
            // Information line without the exception instead of an error with its stack trace.
            SuppressDiagnosticsCallback = context =>
            {
                if (context.Exception is not BadHttpRequestException bad)
                {
                    return false;
                }

                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpErrorsExtensions).FullName!);
                HardeningLog.BadRequest(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path.Value ?? "/", bad.StatusCode, bad.Message);
                return true;
            },
        });
        app.UseStatusCodePages();
        return app;
    }

    private static bool IsTransientStorageFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
