using System.Text;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Apis;

internal static partial class DefinitionsApi
{
    private const string PostedName = "<posted>";
    private static readonly string[] AcceptedBodyTypes = [Yaml, "text/yaml", "application/json"];
    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(5);

    /// <summary>At most half the cores validate posted definitions at once, so cases keep being served.</summary>
    private static readonly SemaphoreSlim ValidationSlots = new(Math.Max(1, Environment.ProcessorCount / 2));

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static async Task<Results<Ok<ValidationReport>, ProblemHttpResult>> Validate(
        HttpRequest request,
        DefinitionCatalog catalog,
        IOptions<WorkflowDefinitionsOptions> options,
        CancellationToken cancellationToken)
    {
        var mediaType = request.GetTypedHeaders().ContentType?.MediaType.Value;
        if (mediaType is null || !AcceptedBodyTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(
                $"Content-Type '{request.ContentType}' is not accepted; post the definition as {string.Join(", ", AcceptedBodyTypes)}.");
        }

        var limit = options.Value.MaxPostedDefinitionBytes;
        if (request.ContentLength > limit)
        {
            return Problems.TooLarge(limit);
        }

        var body = await ReadAtMostAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.TooLarge(limit);
        }

        if (body.Length == 0)
        {
            return Problems.BadRequest("The body is empty; post a YAML or JSON workflow definition.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Problems.BadRequest("The body is not valid UTF-8.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.BadRequest("The body is blank; post a YAML or JSON workflow definition.");
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
            problems = catalog.Catalog.Validate(text, PostedName);
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

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
