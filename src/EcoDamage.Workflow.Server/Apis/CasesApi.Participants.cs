using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using EcoDamage.Workflow.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoDamage.Workflow.Server.Apis;

internal static partial class CasesApi
{
    private const int MaxParticipantText = 200;

    private static void MapParticipants(RouteGroupBuilder cases) =>
        cases.MapPost("/{id}/participants", AddParticipantAsync).WithName("AddParticipant")
            .WithSummary("Records a participant of the case (R34): name, role and organisation; the caller is recorded with it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Created<ParticipantView>, ProblemHttpResult, ValidationProblem>> AddParticipantAsync(
        string id,
        ParticipantRequest body,
        HttpContext http,
        ICaseStore cases,
        CaseDirectory directory,
        TimeProvider time,
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

        if (await cases.LoadAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no case '{id}'.");
        }

        var actor = CallerActor.From(http.User);
        var now = time.GetUtcNow();
        var participant = new Participant(Guid.CreateVersion7(now), id, body.Name.Trim(), body.Role.Trim(), body.Organisation?.Trim(),
            Instant.FromDateTimeOffset(now), actor.Id, actor.Role, actor.Department);
        using (logger.BeginScope(new Dictionary<string, object?> { ["CaseId"] = id }))
        {
            await directory.AddParticipantAsync(participant, cancellationToken);
            Log.ParticipantRecorded(logger, participant.Name, participant.Role, actor.Id);
        }

        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(id)}",
            new ParticipantView(participant.Id, participant.Name, participant.Role, participant.Organisation, now, actor.Id));
    }
}
