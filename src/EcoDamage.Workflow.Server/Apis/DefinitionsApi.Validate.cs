using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Apis;

internal static partial class DefinitionsApi
{
    private const string PostedName = "<posted>";
    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(5);

    /// <summary>At most half the cores validate posted definitions at once, so cases keep being served.</summary>
    private static readonly SemaphoreSlim ValidationSlots = new(Math.Max(1, Environment.ProcessorCount / 2));

    internal static async Task<Results<Ok<ValidationReport>, ProblemHttpResult>> Validate(
        HttpRequest request,
        DefinitionCatalog catalog,
        IOptions<WorkflowDefinitionsOptions> options,
        CancellationToken cancellationToken)
    {
        var (text, _, refused) = await PostedText.ReadAsync(request, options.Value.MaxPostedDefinitionBytes, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        if (!await ValidationSlots.WaitAsync(SlotWait, cancellationToken).ConfigureAwait(false))
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                "Other definitions are being validated; try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Service Unavailable",
                type: "https://tools.ietf.org/html/rfc9110#section-15.6.4");
        }

        IReadOnlyList<Problem> problems;
        try
        {
            // The store's rules (succession, higher numbers) in database mode; the folder's (no overlapping periods) in folder mode.
            problems = catalog.Mode == CatalogMode.Database
                ? catalog.Catalog.ValidateCandidate(text!, PostedName).Problems
                : catalog.Catalog.Validate(text!, PostedName);
        }
        finally
        {
            ValidationSlots.Release();
        }

        return TypedResults.Ok(new ValidationReport(
            problems.All(p => p.Severity != Severity.Error),
            problems.Select(p => new ValidationProblemItem(
                p.RuleId,
                p.Severity == Severity.Error ? "error" : "warning",
                p.Message,
                p.Position.Line,
                p.Position.Column)).ToList()));
    }
}
