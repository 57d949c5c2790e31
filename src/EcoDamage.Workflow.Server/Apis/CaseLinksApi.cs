using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Links;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>
/// Linked cases: split a clue into a case per obligor, start a supplementary claim for newly found damage, link two
/// existing cases, and list a case's links in both directions. Every command is audited on each case concerned and
/// announced as <c>case.linked</c>; Idempotency-Key and If-Match (the version of the case in the path) honoured. Linking
/// two existing cases needs a caller acting on both in a role their definitions let fire triggers (else 403).
/// </summary>
internal static class CaseLinksApi
{
    private const int MaxText = 200;
    private const int MaxNote = 2000;
    private const int MaxObligors = 50;

    /// <summary>Maps the link endpoints under <c>/api/cases</c>; every endpoint requires a caller.</summary>
    public static IEndpointRouteBuilder MapCaseLinksApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        cases.MapPost("/{id}/split", SplitAsync).WithName("SplitCase")
            .WithSummary("Splits a clue into a case per obligor: each starts on the original's definition version with its start data, records its obligor and is linked splitFrom the original; all or nothing.")
            .ProducesCommandProblems();
        cases.MapPost("/{id}/supplementary-claims", SupplementAsync).WithName("StartSupplementaryClaim")
            .WithSummary("Starts a later claim for newly found damage with the original's start data, linked supplementaryTo the original.")
            .ProducesCommandProblems();
        cases.MapPost("/{id}/links", LinkAsync).WithName("LinkCase")
            .WithSummary("Links the case to another existing case: supplementaryTo, supplementedBy or related (a duplicate is a 409); the caller must act on both cases in a role that fires their triggers.")
            .ProducesCommandProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        cases.MapGet("/{id}/links", ListAsync).WithName("ListCaseLinks")
            .WithSummary("Lists the case's links in both directions, each with the kind seen from this case.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<SplitView>, ProblemHttpResult, ValidationProblem>> SplitAsync(
        string id, SplitRequest body, HttpContext http, CaseGate gate, LinkCommands commands, CancellationToken cancellationToken)
    {
        if (body.Obligors is not { Length: > 0 and <= MaxObligors } obligors)
        {
            return Problems.BadParameter("obligors", $"1 to {MaxObligors} obligors");
        }

        for (var i = 0; i < obligors.Length; i++)
        {
            if (Invalid(obligors[i], i) is { } bad)
            {
                return bad;
            }
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        if ((await gate.ActAsync(http, id, cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        var command = new SplitCase(id, obligors.Select(o => new SplitObligor(o.Name!.Trim(), o.Organisation?.Trim(), o.CaseId)).ToArray(), CallerActor.From(http.User), key)
        {
            ExpectedVersion = expected,
        };
        var outcome = await commands.SendAsync(command, id, "split", cancellationToken);
        if (OutcomeProblems.For(outcome, "split") is { } problem)
        {
            return problem;
        }

        // A replay carries the stored links, in the obligors' order as the first request (same fingerprint) had them.
        var made = outcome.Links.Select((l, i) => new SplitCaseView(l.FromCaseId, command.Obligors[i].Name, command.Obligors[i].Organisation)).ToArray();
        var view = new SplitView(id, made, outcome.Links.Select(l => View(l.SeenFrom(id))).ToArray());
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(id)}/links", view);
    }

    private static async Task<Results<Created<CaseView>, ProblemHttpResult, ValidationProblem>> SupplementAsync(
        string id, SupplementaryClaimRequest body, HttpContext http, CaseGate gate, LinkCommands commands, CaseViews views, CancellationToken cancellationToken)
    {
        if (body.CaseId is { } chosen && BadCaseId(chosen))
        {
            return Problems.BadParameter("caseId", "1 to 64 letters, digits, '-' or '_'");
        }

        if (body.Description is { Length: > MaxNote })
        {
            return Problems.BadParameter("description", $"at most {MaxNote} characters");
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
        var outcome = await commands.SendAsync(
            new StartSupplementaryClaim(id, actor, key, body.CaseId, body.Description?.Trim()) { ExpectedVersion = expected }, id, "supplementaryClaim", cancellationToken);
        if (OutcomeProblems.For(outcome, "supplementary claim") is { } problem)
        {
            return problem;
        }

        var view = await views.AfterAsync(outcome, actor.Role, cancellationToken);
        http.Response.Headers.ETag = CommandHeaders.ETag(view.Version);
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(view.Id)}", view);
    }

    private static async Task<Results<Created<CaseLinkView>, ProblemHttpResult, ValidationProblem>> LinkAsync(
        string id, LinkRequest body, HttpContext http, CaseGate gate, LinkCommands commands, CallerScopes scopes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.CaseId))
        {
            return Problems.BadParameter("caseId", "required: the case to link to");
        }

        if (body.Kind is not { } kind || !CaseLinkKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            return Problems.BadParameter("kind", $"one of {string.Join(", ", CaseLinkKinds.All)}");
        }

        if (body.Note is { Length: > MaxNote })
        {
            return Problems.BadParameter("note", $"at most {MaxNote} characters");
        }

        if (CommandHeaders.TryRead(http.Request, out var key, out var expected) is { } badHeader)
        {
            return badHeader;
        }

        // The caller changes this case and must at least read the other (else it is not found, as if there were none).
        if ((await gate.ActAsync(http, id, cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        if ((await gate.ReadAsync(http, body.CaseId, "link", cancellationToken)).Problem is { } hidden)
        {
            return hidden;
        }

        // A link is stored from the dependent case: "supplementedBy" is the other case's "supplementaryTo" this one.
        var actor = CallerActor.From(http.User);
        var command = kind == CaseLinkKinds.SupplementedBy
            ? new LinkCase(body.CaseId, id, CaseLinkKinds.SupplementaryTo, actor, key, body.Note)
            : new LinkCase(id, body.CaseId, kind, actor, key, body.Note);
        command = command with
        {
            ExpectedVersion = expected,
            AddressedTo = id,
            Scope = Caller.From(http.User) is { } caller ? scopes.ActScope(caller) : AccessScope.Nothing,
        };
        var outcome = await commands.SendAsync(command, id, "link", cancellationToken);
        if (outcome.Kind == OutcomeKind.Refused && outcome.Refusals.Any(r => r.Kind == RefusalKind.RoleNotAllowed))
        {
            return ForbiddenProblem.For(string.Join("; ", outcome.Refusals.Select(r => r.Message)));
        }

        if (OutcomeProblems.For(outcome, "link") is { } problem)
        {
            return problem;
        }

        var link = outcome.Links.Single();
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(id)}/links", View(link.SeenFrom(id)));
    }

    private static async Task<Results<Ok<CaseLinkView[]>, ProblemHttpResult>> ListAsync(
        string id, HttpContext http, CaseGate gate, ICaseLinks links, CancellationToken cancellationToken)
    {
        if ((await gate.ReadAsync(http, id, "links", cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok((await links.ListAsync(id, cancellationToken)).Select(View).ToArray());
    }

    private static CaseLinkView View(LinkedCase l) => new(l.CaseId, l.Kind, l.At.ToDateTimeOffset(), l.Actor, l.Note);

    private static ValidationProblem? Invalid(SplitObligorRequest? obligor, int i) =>
        obligor is null || string.IsNullOrWhiteSpace(obligor.Name) || obligor.Name.Length > MaxText
            ? Problems.BadParameter($"obligors[{i}].name", $"required, at most {MaxText} characters")
            : obligor.Organisation is { Length: > MaxText }
                ? Problems.BadParameter($"obligors[{i}].organisation", $"at most {MaxText} characters")
                : obligor.CaseId is { } chosen && BadCaseId(chosen)
                    ? Problems.BadParameter($"obligors[{i}].caseId", "1 to 64 letters, digits, '-' or '_'")
                    : null;

    private static bool BadCaseId(string id) =>
        id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
