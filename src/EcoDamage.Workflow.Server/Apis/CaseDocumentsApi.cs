using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Attaches documents to a case (<c>/api/cases/{id}/documents</c>): the content stored by SHA-256, then the attach command.</summary>
internal static class CaseDocumentsApi
{
    /// <summary>Maps the endpoints on the <c>/api/cases</c> group.</summary>
    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id}/documents", AttachAsync).WithName("AttachDocument")
            .WithSummary("Attaches a document (multipart: file, type, servedOn yyyy-MM-dd); content kept on disk by SHA-256.")
            .DisableAntiforgery() // callers authenticate with a header, not a cookie
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult, ValidationProblem>> AttachAsync(
        string id,
        IFormFile file,
        [FromForm] string type,
        [FromForm] string servedOn,
        HttpContext http,
        CaseGate gate,
        CaseCommands commands,
        CaseViews views,
        DocumentContentStore content,
        IOptions<DocumentStorageOptions> options,
        CancellationToken cancellationToken)
    {
        if (file.Length > options.Value.MaxBytes)
        {
            return Problems.TooLarge(options.Value.MaxBytes);
        }

        if (string.IsNullOrWhiteSpace(type))
        {
            return Problems.BadParameter("type", "the document type is required");
        }

        if (!LocalDatePattern.Iso.Parse(servedOn).TryGetValue(default, out var served))
        {
            return Problems.BadParameter("servedOn", "must be a date yyyy-MM-dd");
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        if ((await gate.ActAsync(http, id, cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        string sha;
        long length;
        await using (var stream = file.OpenReadStream())
        {
            (sha, length) = await content.SaveAsync(stream, cancellationToken);
        }

        var actor = CallerActor.From(http.User);
        var command = new AttachDocument(id, type, served, Path.GetFileName(file.FileName), file.ContentType ?? "application/octet-stream", length, sha, actor, key, expected);
        var outcome = await commands.SendAsync(command, id, $"attach:{type}", cancellationToken);
        return await CaseTriggersApi.RespondAsync(outcome, $"attach:{type}", actor, http, views, cancellationToken);
    }
}
