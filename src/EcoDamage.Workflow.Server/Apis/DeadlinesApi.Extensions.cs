using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Server.Apis;

internal static partial class DeadlinesApi
{
    private const int MaxReason = 2000;

    private static void MapExtensions(IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases/{id}/deadline-extensions").WithTags(Tag).RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        cases.MapPost("/", RequestAsync).WithName("RequestDeadlineExtension")
            .WithSummary("Requests an extension of an open deadline: a further period from its last day or a new last day, with a reason (recorded).")
            .ProducesCommandProblems();
        cases.MapPost("/approval", ApproveAsync).WithName("ApproveDeadlineExtension")
            .WithSummary("Approves a deadline's pending extension (not by its requester): the deadline and its reminders move.")
            .ProducesCommandProblems();
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> RequestAsync(
        string id, ExtensionRequestBody? body, HttpContext http, CaseCommands commands, CaseViews views, CancellationToken cancellationToken)
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

            lastDay = parsed.Value;
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        var actor = CallerActor.From(http.User);
        var outcome = await commands.SendAsync(
            new RequestDeadlineExtension(id, deadline, body.Period, lastDay, body.Reason, actor, key, expected), id, "extend:" + deadline, cancellationToken);
        return await RespondAsync(outcome, deadline, actor, http, views, cancellationToken);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> ApproveAsync(
        string id, ExtensionApprovalBody? body, HttpContext http, CaseCommands commands, CaseViews views, CancellationToken cancellationToken)
    {
        if (body?.Deadline is not { Length: > 0 } deadline)
        {
            return Problems.BadParameter("deadline", "the deadline's key is required");
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        var actor = CallerActor.From(http.User);
        var outcome = await commands.SendAsync(new ApproveDeadlineExtension(id, deadline, actor, key, expected), id, "approve:" + deadline, cancellationToken);
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

        return await CaseTriggersApi.RespondAsync(outcome, "extension of " + deadline, actor, http, views, cancellationToken);
    }
}
