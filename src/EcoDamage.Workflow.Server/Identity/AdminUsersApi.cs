using System.Security.Claims;
using EcoDamage.Workflow.Runtime.Accounts;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The administrator's account API (<c>/api/admin/users</c>) and the security event log (<c>/api/admin/security-events</c>).</summary>
internal static class AdminUsersApi
{
    /// <summary>The policy of the security event log: role <c>administrator</c> or <c>auditor</c>.</summary>
    public const string SecurityReaderPolicy = "SecurityReader";

    private const int MaxPageSize = 200;

    /// <summary>Maps <c>/api/admin/users</c> and <c>/api/admin/security-events</c>.</summary>
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").WithTags("Administration").RequireAuthorization(AdministratorPolicy.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapPost("/", CreateAsync).WithName("CreateAccount")
            .WithSummary("Creates a person's account; the person must change the initial password at the first sign-in.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        users.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("Lists accounts in user-name order (page, pageSize ≤ 200).")
            .ProducesValidationProblem();
        users.MapGet("/{userName}", GetAsync).WithName("GetAccount").WithSummary("Reads an account.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPatch("/{userName}", UpdateAsync).WithName("UpdateAccount")
            .WithSummary("Changes an account's display name, role, department, jurisdiction or party; a change of what it may reach ends its sessions.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/disable", (string userName, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
                AnswerAsync(admin.SetDisabledAsync(Actor(http), userName, true, ct), userName))
            .WithName("DisableAccount").WithSummary("Disables an account and ends its sessions.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/enable", (string userName, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
                AnswerAsync(admin.SetDisabledAsync(Actor(http), userName, false, ct), userName))
            .WithName("EnableAccount").WithSummary("Enables a disabled account.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/unlock", (string userName, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
                AnswerAsync(admin.UnlockAsync(Actor(http), userName, ct), userName))
            .WithName("UnlockAccount").WithSummary("Ends a lockout after repeated failed sign-ins.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/reset-password", (string userName, ResetPasswordRequest body, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
                AnswerAsync(admin.ResetPasswordAsync(Actor(http), userName, body, ct), userName))
            .WithName("ResetAccountPassword").WithSummary("Sets a new password the person must change at the next sign-in; ends the account's sessions and any lockout.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/admin/security-events", EventsAsync).RequireAuthorization(SecurityReaderPolicy).WithTags("Administration")
            .WithName("ListSecurityEvents").WithSummary("Lists the security event log, newest first: sign-ins, lockouts, account and key changes (page, pageSize ≤ 200, kind).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Created<AccountView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest body, HttpContext http, AccountAdministration admin, CancellationToken cancellationToken)
    {
        var change = await admin.CreateAsync(Actor(http), body, cancellationToken);
        return change.Status switch
        {
            AccountChangeStatus.Done => TypedResults.Created($"/api/admin/users/{change.Account!.UserName}", AccountView.Of(change.Account)),
            AccountChangeStatus.Invalid => TypedResults.ValidationProblem(change.Errors, title: "The account is not valid"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: $"The user name '{body.UserName}' is taken."),
        };
    }

    private static async Task<Results<Ok<AccountView[]>, ValidationProblem>> ListAsync(
        IAccountStore accounts, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok((await accounts.ListAsync(page, pageSize, cancellationToken)).Select(AccountView.Of).ToArray());
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(string userName, IAccountStore accounts, CancellationToken cancellationToken) =>
        UserNames.Normalize(userName) is { } name && await accounts.FindAsync(name, cancellationToken) is { } account
            ? TypedResults.Ok(AccountView.Of(account))
            : Unknown(userName);

    private static Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string userName, UpdateAccountRequest body, HttpContext http, AccountAdministration admin, CancellationToken cancellationToken) =>
        AnswerAsync(admin.UpdateAsync(Actor(http), userName, body, cancellationToken), userName);

    private static async Task<Results<Ok<SecurityEventView[]>, ValidationProblem>> EventsAsync(
        ISecurityEventLog log, CancellationToken cancellationToken, int page = 1, int pageSize = 50, string? kind = null)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }

        if (AccountValidation.TextProblem(kind, 100) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [problem] });
        }

        return TypedResults.Ok((await log.ListAsync(page, pageSize, kind, cancellationToken)).Select(SecurityEventView.Of).ToArray());
    }

    private static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Task<AccountChange> pending, string userName)
    {
        var change = await pending;
        return change.Status switch
        {
            AccountChangeStatus.Done => TypedResults.Ok(AccountView.Of(change.Account!)),
            AccountChangeStatus.Invalid => TypedResults.ValidationProblem(change.Errors, title: "The change is not valid"),
            AccountChangeStatus.NotFound => Unknown(userName),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: "The account changed at the same time; read it again and retry."),
        };
    }

    private static ValidationProblem? Paging(int page, int pageSize) =>
        page < 1 || page > 1_000_000 || pageSize < 1 || pageSize > MaxPageSize
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [$"page ≥ 1 and 1 ≤ pageSize ≤ {MaxPageSize}"] })
            : null;

    private static ProblemHttpResult Unknown(string userName) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No account '{userName}'.");

    private static string Actor(HttpContext http) => http.User.FindFirstValue(CallerClaims.Subject) ?? string.Empty;
}
