using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Records participants of a case (<c>/api/cases/{id}/participants</c>, R34).</summary>
internal static class CaseParticipantsApi
{
    private const int MaxParticipantText = 200;

    /// <summary>Maps the endpoints on the <c>/api/cases</c> group.</summary>
    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id}/participants", AddParticipantAsync).WithName("AddParticipant")
            .WithSummary("Records a participant of the case (R34): name, role and organisation; the caller is recorded with it (audited; Idempotency-Key and If-Match honoured).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<ParticipantView>, ProblemHttpResult, ValidationProblem>> AddParticipantAsync(
        string id,
        ParticipantRequest body,
        HttpContext http,
        CaseGate gate,
        CaseCommands commands,
        CaseViews views,
        ILogger<ParticipantView> logger,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > MaxParticipantText)
        {
            return Problems.BadParameter("name", $"required, at most {MaxParticipantText} characters");
        }

        if (string.IsNullOrWhiteSpace(body.Role) || body.Role.Length > MaxParticipantText)
        {
            return Problems.BadParameter("role", $"required, at most {MaxParticipantText} characters");
        }

        if (body.Organisation is { Length: > MaxParticipantText })
        {
            return Problems.BadParameter("organisation", $"at most {MaxParticipantText} characters");
        }

        if (body.Account is { } account && (account.Length is 0 or > MaxParticipantText || account.Any(char.IsControl)))
        {
            return Problems.BadParameter("account", $"at most {MaxParticipantText} characters, no control characters");
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
        var command = new AddParticipant(id, body.Name.Trim(), body.Role.Trim(), body.Organisation?.Trim(), actor, key, expected) { Account = body.Account };
        var outcome = await commands.SendAsync(command, id, "participant", cancellationToken);
        if (OutcomeProblems.For(outcome, "participant") is { } problem)
        {
            return problem;
        }

        // A replayed outcome carries no case: the participant the first request recorded is the latest one like it.
        var participants = outcome.Case?.Participants.Select(CaseViews.Participant).ToArray()
            ?? (await views.ForAsync(id, actor.Role, cancellationToken))?.Participants;
        var participant = participants?.LastOrDefault(p => p.Name == command.Name && p.Role == command.Role && p.Organisation == command.Organisation)
            ?? throw new InvalidOperationException($"the participant recorded on case '{id}' cannot be read back");
        using (logger.BeginScope(new Dictionary<string, object?> { ["CaseId"] = id }))
        {
            Log.ParticipantRecorded(logger, participant.Name, participant.Role, actor.Id);
        }

        if (outcome.Version is { } version)
        {
            http.Response.Headers.ETag = CommandHeaders.ETag(version);
        }

        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(id)}", participant);
    }
}
