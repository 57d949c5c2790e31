using System.Text.Json;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Security;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Apis;

/// <summary>Reads and verifies a case's audit trail (<c>/api/cases/{id}/audit</c>).</summary>
internal static class CaseAuditApi
{
    /// <summary>Maps the endpoints on the <c>/api/cases</c> group.</summary>
    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/{id}/audit", AuditAsync).WithName("GetCaseAudit")
            .WithSummary("Reads a case's audit trail: every change with actor, role, department, trigger, states and data diff.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/{id}/audit/verify", VerifyAsync).WithName("VerifyCaseAudit")
            .WithSummary("Verifies a case's hash chain and names the first broken event.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<AuditEventView[]>, ProblemHttpResult>> AuditAsync(
        string id, HttpContext http, CaseGate gate, IAuditTrail trail, Definitions.DefinitionCatalog definitions, CancellationToken cancellationToken)
    {
        var check = await gate.ReadAsync(http, id, "audit", cancellationToken);
        if (check.Case is not { } stored)
        {
            return check.Problem!;
        }

        // The diff holds the values set: personal ones are masked for a role that does not see personal data.
        var role = CallerActor.From(http.User).Role;
        var personal = PersonalDataMask.Sees(definitions.Catalog, role) ? null : PersonalDataMask.FieldsOf(definitions.Catalog, stored.Case);
        var events = await trail.ReadAsync(id, cancellationToken);
        return TypedResults.Ok(events.Select(s => s.Event).Select(e => new AuditEventView(
            e.Sequence, e.At.ToDateTimeOffset(), e.Kind, e.ActorId, e.Role, e.Department, e.Trigger, e.FromState, e.ToState,
            Mask(ParseDiff(e.DataDiff), personal), e.DefinitionKey, e.CaseVersion, e.PreviousHash, e.Hash)).ToArray());
    }

    // The scanner checks the links and that the last stored event is the head recorded on the case row,
    // so events removed from the end of a trail are found too (the same check as 'ecodamage verify-audit').
    private static async Task<Results<Ok<AuditVerificationView>, ProblemHttpResult>> VerifyAsync(
        string id, HttpContext http, CaseGate gate, IAuditChainScanner scanner, ILogger<AuditVerificationView> logger, CancellationToken cancellationToken)
    {
        if ((await gate.ReadAsync(http, id, "audit/verify", cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        if (await scanner.VerifyCaseAsync(id, cancellationToken) is not { } report)
        {
            return Problems.NotFound($"There is no case '{id}'.");
        }

        if (report.FirstBrokenSequence is { } broken)
        {
            Log.AuditChainBroken(logger, id, broken, report.Reason);
        }

        return TypedResults.Ok(new AuditVerificationView(report.IsIntact, report.EventsChecked, report.FirstBrokenSequence, report.Reason));
    }

    private static JsonElement Mask(JsonElement diff, IReadOnlySet<string>? personal)
    {
        if (personal is not { Count: > 0 } || diff.ValueKind != JsonValueKind.Object || !diff.EnumerateObject().Any(p => personal.Contains(p.Name)))
        {
            return diff;
        }

        var masked = diff.EnumerateObject().ToDictionary(
            p => p.Name, p => personal.Contains(p.Name) ? JsonSerializer.SerializeToElement(PersonalDataMask.Masked) : p.Value, StringComparer.Ordinal);
        return JsonSerializer.SerializeToElement(masked);
    }

    private static JsonElement ParseDiff(string diff)
    {
        // A diff edited in the database may no longer be JSON; the verify endpoint reports that, the trail still reads.
        try
        {
            using var document = JsonDocument.Parse(diff);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(diff);
        }
    }
}
