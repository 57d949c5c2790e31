namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The ProblemDetails the identity code writes outside an endpoint (middleware, authentication events).</summary>
internal static class IdentityProblems
{
    /// <summary>Writes a problem with <paramref name="status"/>, <paramref name="title"/> and <paramref name="detail"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Type = status switch
                {
                    StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    StatusCodes.Status401Unauthorized => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                    _ => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                },
                Detail = detail,
                Instance = context.Request.Path,
            },
        }).ConfigureAwait(false);
    }

    /// <summary>401: not signed in (or the session ended).</summary>
    public static Task UnauthorizedAsync(HttpContext context, string detail) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    /// <summary>403: signed in, but not allowed.</summary>
    public static Task ForbiddenAsync(HttpContext context, string detail) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
}
