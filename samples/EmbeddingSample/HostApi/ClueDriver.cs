using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EmbeddingSample.HostApi;

/// <summary>
/// Drives one clue to an opened case (立案) on the claim definition: register the clue (through the API, or the signed
/// inbound hook), start the preliminary check (初步核查), attach the check report and the case-opening decision, and
/// open the case with damage found. Every call carries an idempotency key derived from the clue's reference, so
/// running the same drive twice changes nothing the second time.
/// </summary>
internal sealed class ClueDriver(WorkflowHostClient host, TimeProvider time)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Registers the clue and opens its case; answers the case as the host shows it at the end.</summary>
    public async Task<DriveResult> DriveAsync(DriveRequest request, CancellationToken cancellationToken)
    {
        var reference = request.SourceReference ?? $"ZF-{time.GetUtcNow().ToOffset(Shanghai):yyyyMMdd-HHmmss}";
        var clue = new
        {
            channel = request.Channel ?? "administrativePenalty",
            domain = request.Domain ?? "environmentalPollution",
            jurisdiction = request.Jurisdiction ?? "chongchuan",
            description = request.Description ?? "化工企业偷排含重金属废水，河道受到污染",
            sourceReference = reference,
        };
        var key = $"sample-{reference}";
        var registered = request.ViaHook
            ? await host.PostClueHookAsync(clue, $"{key}-clue", cancellationToken)
            : await host.RegisterClueAsync(clue, $"{key}-clue", cancellationToken);
        var caseId = registered.GetProperty("id").GetString()!;
        var steps = new List<string> { $"clue registered ({(request.ViaHook ? "inbound hook" : "API")}): {caseId}" };

        if (request.ViaHook)
        {
            await host.PostEventHookAsync(caseId, "StartPreliminaryCheck", new { }, $"{key}-start", cancellationToken);
        }
        else
        {
            await host.FireAsync(caseId, "StartPreliminaryCheck", new { }, $"{key}-start", cancellationToken);
        }

        steps.Add("StartPreliminaryCheck → PreliminaryCheck");
        var today = time.GetUtcNow().ToOffset(Shanghai).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var document in new[] { "preliminaryCheckReport", "caseOpeningDecision" })
        {
            await host.AttachAsync(caseId, document, today, Encoding.UTF8.GetBytes($"{document} for {reference}"), $"{key}-{document}", cancellationToken);
            steps.Add($"attached {document}");
        }

        var opened = await host.FireAsync(caseId, "OpenCase", new { damageFound = true }, $"{key}-open", cancellationToken);
        var states = opened.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray();
        steps.Add($"OpenCase → {string.Join(" / ", states)}");
        return new DriveResult(caseId, opened.GetProperty("version").GetInt64(), states, steps, opened);
    }
}

/// <summary>What to drive: the clue's fields (defaults fill the rest) and whether to register it through the inbound hook.</summary>
internal sealed record DriveRequest(
    bool ViaHook = false, string? Channel = null, string? Domain = null, string? Jurisdiction = null, string? Description = null, string? SourceReference = null);

/// <summary>The opened case: its id, version and states, the steps taken, and the case as the host showed it.</summary>
internal sealed record DriveResult(string CaseId, long Version, IReadOnlyList<string> States, IReadOnlyList<string> Steps, JsonElement Case);
