using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>A rejected or missing bearer token as a 401 ProblemDetails, keeping the <c>WWW-Authenticate</c> header.</summary>
internal static class JwtProblems
{
    public const string UnauthorizedType = "https://tools.ietf.org/html/rfc9110#section-15.5.2";

    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        var challenge = string.IsNullOrEmpty(context.Error)
            ? "Bearer"
            : $"Bearer error=\"{context.Error}\"";
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.Append(HeaderNames.WWWAuthenticate, challenge);
        var detail = context.AuthenticateFailure is null
            ? "A bearer token (Authorization: Bearer …) or an API key (X-Api-Key) is required."
            : "The bearer token was rejected: " + Describe(context.AuthenticateFailure);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Type = UnauthorizedType,
                Detail = detail,
            },
        }).ConfigureAwait(false);
    }

    /// <summary>A short reason without token contents or key material.</summary>
    private static string Describe(Exception failure) => failure switch
    {
        Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException => "it has expired.",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidLifetimeException => "it is expired or not yet valid.",
        Microsoft.IdentityModel.Tokens.SecurityTokenNotYetValidException => "it is not yet valid.",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException => "its audience is not this service.",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidIssuerException => "its issuer is not trusted.",
        Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException => "its signature does not verify.",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSignatureException => "its signature does not verify.",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAlgorithmException => "it is not signed with HS256.",
        _ => "it is malformed or invalid.",
    };
}
