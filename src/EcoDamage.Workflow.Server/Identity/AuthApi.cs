using System.Security.Claims;
using EcoDamage.Workflow.Runtime.Accounts;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// Sign-in for people with a built-in account: a bearer token for API clients, a cookie session (with antiforgery) for
/// the web console, sign-out and the change of one's own password.
/// </summary>
internal static class AuthApi
{
    /// <summary>Maps <c>/api/auth</c>.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Security");
        auth.MapPost("/token", TokenAsync).AllowAnonymous().WithName("IssueToken")
            .WithSummary("Signs in with a user name and password and returns a short-lived bearer token.")
            .WithDescription("Locks the account for a while after repeated failures. A token of an account that must change its password is good for POST /api/auth/password only.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/login", LoginAsync).AllowAnonymous().WithName("Login")
            .WithSummary("Signs in with a user name and password and starts a cookie session for the web console.")
            .WithDescription("The session cookie is HttpOnly, SameSite=Strict, Secure over HTTPS, with sliding expiry. Every unsafe request of the session must carry the X-CSRF-TOKEN header from GET /api/auth/antiforgery.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization().WithName("Logout")
            .WithSummary("Ends the cookie session.").ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest);
        auth.MapGet("/antiforgery", Antiforgery).RequireAuthorization().WithName("GetAntiforgeryToken")
            .WithSummary("The antiforgery token a cookie session's unsafe requests carry in the X-CSRF-TOKEN header.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/password", ChangePasswordAsync).RequireAuthorization().WithName("ChangePassword")
            .WithSummary("Changes the signed-in account's own password and returns a new token (and renews the cookie session).")
            .WithDescription("Every other session of the account ends. Open to an account that must change its password.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(
        SignInRequest body, SignInService signIn, PeopleTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var outcome = await signIn.SignInAsync(body.UserName, body.Password, cancellationToken);
        if (outcome.Account is not { } account)
        {
            return Refused(outcome.Refusal!.Value);
        }

        return TypedResults.Ok(await TokenOfAsync(account, tokens, cancellationToken));
    }

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> LoginAsync(
        SignInRequest body, HttpContext http, SignInService signIn, CancellationToken cancellationToken)
    {
        var outcome = await signIn.SignInAsync(body.UserName, body.Password, cancellationToken);
        if (outcome.Account is not { } account)
        {
            return Refused(outcome.Refusal!.Value);
        }

        await http.SignInAsync(PeopleSchemes.Cookie, PeopleClaims.Principal(account, PeopleSchemes.Cookie), new AuthenticationProperties { IsPersistent = false });
        return TypedResults.Ok(new SessionView(account.UserName, account.DisplayName, account.Role, account.MustChangePassword));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, SecurityEventRecorder events, CancellationToken cancellationToken)
    {
        await http.SignOutAsync(PeopleSchemes.Cookie);
        await events.RecordAsync(SecurityEventKinds.SignedOut, http.User.FindFirstValue(CallerClaims.Subject) ?? string.Empty, null, null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Ok<AntiforgeryTokenView> Antiforgery(HttpContext http, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryTokenView(antiforgery.GetAndStoreTokens(http).RequestToken!, PeopleSchemes.AntiforgeryHeader));

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest body, HttpContext http, PasswordChanges changes, PeopleTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var user = http.User;
        if (user.FindFirstValue(PeopleClaims.Stamp) is null || user.FindFirstValue(CallerClaims.Subject) is not { } name)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Only a person signed in with a built-in account changes a password here (API keys and the organisation's sign-in have their own).");
        }

        var change = await changes.ChangeAsync(name, body, cancellationToken);
        switch (change.Status)
        {
            case AccountChangeStatus.Done:
                if (user.Identity?.AuthenticationType == PeopleSchemes.Cookie)
                {
                    await http.SignInAsync(PeopleSchemes.Cookie, PeopleClaims.Principal(change.Account!, PeopleSchemes.Cookie));
                }

                return TypedResults.Ok(await TokenOfAsync(change.Account!, tokens, cancellationToken));
            case AccountChangeStatus.Invalid:
                return TypedResults.ValidationProblem(change.Errors, title: "The new password is not acceptable");
            case AccountChangeStatus.WrongPassword:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["wrong password"] }, title: "The current password is wrong");
            case AccountChangeStatus.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: "The account changed at the same time; try again.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The account is gone or disabled.");
        }
    }

    private static async Task<TokenResponse> TokenOfAsync(Account account, PeopleTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var (token, expires) = await tokens.IssueAsync(account, cancellationToken);
        var seconds = (long)tokens.Lifetime.TotalSeconds;
        return new TokenResponse(token, "Bearer", seconds, expires, account.MustChangePassword);
    }

    private static ProblemHttpResult Refused(SignInRefusal refusal) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Unauthorized",
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        detail: refusal switch
        {
            SignInRefusal.LockedOut => "The account is locked after repeated failed sign-ins; try again later or ask an administrator to unlock it.",
            _ => "The user name or password is wrong.",
        });
}
