using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Deadlines;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Server.Apis;

internal static partial class DeadlinesApi
{
    private const int MaxReason = 2000;

    /// <summary>The first year a last day may not fall in (date arithmetic on the year 9999 overflows).</summary>
    private const int MaxYear = 9999;

    private static void MapExtensions(IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases/{id}/deadline-extensions").WithTags(Tag).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        cases.MapPost("/", RequestAsync).WithName("RequestDeadlineExtension")
            .WithSummary("Requests an extension of an open deadline (by a role that fires a trigger of the deadline's state, on a case it acts on): a further period from its last day or a new last day, at most Deadlines:Extensions:MaxExtension beyond it, with a reason (recorded).")
            .ProducesCommandProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        cases.MapPost("/approval", ApproveAsync).WithName("ApproveDeadlineExtension")
            .WithSummary("Approves a deadline's pending extension (by an approving role of Deadlines:Extensions:ApproverRoles on a case it acts on, not by its requester): the deadline and its reminders move.")
            .ProducesCommandProblems().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> RequestAsync(
        string id, ExtensionRequestBody? body, HttpContext http, CaseCommands commands, CaseViews views, CallerScopes scopes, CaseGate gate,
        IOptions<DeadlineExtensionOptions> options, CancellationToken cancellationToken)
    {
        if (body?.Deadline is not { Length: > 0 } deadline)
        {
            return Problems.BadParameter("deadline", "the deadline's key is required");
        }

        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > MaxReason)
        {
            return Problems.BadParameter("reason", $"a reason of 1 to {MaxReason} characters is required");
        }

        if ((body.Period is null) == (body.LastDay is null))
        {
            return Problems.BadParameter("period", "give either 'period' or 'lastDay'");
        }

        if (body.Period is { } period && !LegalPeriod.TryParse(period, out _, out var periodError))
        {
            return Problems.BadParameter("period", periodError);
        }

        LocalDate? lastDay = null;
        if (body.LastDay is { } text)
        {
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                return Problems.BadParameter("lastDay", "must be a date yyyy-MM-dd");
            }

            if (parsed.Value.Year >= MaxYear)
            {
                return Problems.BadParameter("lastDay", $"must be a date before {MaxYear}-01-01");
            }

            lastDay = parsed.Value;
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        // A case the caller does not read is not found; one it only reads is 403 (the same gate as every case command).
        if ((await gate.ActAsync(http, id, cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        var actor = CallerActor.From(http.User);
        var command = new RequestDeadlineExtension(id, deadline, body.Period, lastDay, body.Reason, actor, key, expected)
        {
            Scope = ActScope(http, scopes),
            MaxExtension = options.Value.MaxExtensionPeriod ?? NodaTime.Period.FromYears(1),
        };
        var outcome = await commands.SendAsync(command, id, "extend:" + deadline, cancellationToken);
        return await RespondAsync(outcome, deadline, actor, http, views, cancellationToken);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> ApproveAsync(
        string id, ExtensionApprovalBody? body, HttpContext http, CaseCommands commands, CaseViews views, CallerScopes scopes, CaseGate gate,
        IOptions<DeadlineExtensionOptions> options, CancellationToken cancellationToken)
    {
        if (body?.Deadline is not { Length: > 0 } deadline)
        {
            return Problems.BadParameter("deadline", "the deadline's key is required");
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        if ((await gate.ActAsync(http, id, cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        var actor = CallerActor.From(http.User);
        var command = new ApproveDeadlineExtension(id, deadline, actor, key, expected) { Scope = ActScope(http, scopes), ApproverRoles = options.Value.Approvers };
        var outcome = await commands.SendAsync(command, id, "approve:" + deadline, cancellationToken);
        return await RespondAsync(outcome, deadline, actor, http, views, cancellationToken);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> RespondAsync(
        CommandOutcome outcome, string deadline, Actor actor, HttpContext http, CaseViews views, CancellationToken cancellationToken)
    {
        // The engine names an unknown deadline as invalid data on "deadline": for the API it is a missing resource.
        if (outcome.Kind == OutcomeKind.Refused
            && outcome.Refusals.Any(r => r.Kind == RefusalKind.InvalidData && r.Subject == "deadline"))
        {
            return Problems.NotFound($"Case '{outcome.CaseId}' has no deadline '{deadline}'.");
        }

        // A caller outside the case's scope, a role that may not ask or approve, the requester approving: refused as forbidden.
        if (outcome.Kind == OutcomeKind.Refused && outcome.Refusals.Any(r => r.Kind == RefusalKind.RoleNotAllowed))
        {
            return ForbiddenProblem.For(string.Join("; ", outcome.Refusals.Select(r => r.Message)));
        }

        return await CaseTriggersApi.RespondAsync(outcome, "extension of " + deadline, actor, http, views, cancellationToken);
    }

    private static AccessScope ActScope(HttpContext http, CallerScopes scopes) =>
        Caller.From(http.User) is { } caller ? scopes.ActScope(caller) : AccessScope.Nothing;
}
