using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Tests.Restart;

/// <summary>A command the host acknowledged: the case and the version it answered.</summary>
internal sealed record Acknowledged(string Command, string CaseId, long Version);

/// <summary>The host's answer to a command, with the acknowledgement when it succeeded.</summary>
internal sealed record Answer(HttpStatusCode Status, string Body, Acknowledged? Ack);

/// <summary>The cases/clues API as the restart test drives it over HTTP: commands with idempotency keys and ETags.</summary>
internal sealed class RestartApi(HttpClient http, Uri baseAddress)
{
    public async Task<Answer> RegisterClueAsync(int n, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "api/clues"))
        {
            Content = JsonContent.Create(new
            {
                channel = "routineSupervision",
                domain = "environmentalPollution",
                jurisdiction = "chongchuan",
                description = $"重启测试线索 {n}",
                sourceReference = $"RESTART-{n}",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await SendAsync(request, "clue", HttpStatusCode.Created, ct);
    }

    public async Task<Answer> FireAsync(Acknowledged on, string trigger, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, $"api/cases/{Uri.EscapeDataString(on.CaseId)}/triggers/{trigger}"))
        {
            Content = JsonContent.Create(new { data = new { } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{on.Version}\"");
        return await SendAsync(request, "trigger", HttpStatusCode.OK, ct);
    }

    public async Task<(HttpStatusCode Status, string Body)> GetCaseAsync(string caseId, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, $"api/cases/{Uri.EscapeDataString(caseId)}"), ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request, string command, HttpStatusCode success, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != success)
        {
            return new Answer(response.StatusCode, body, null);
        }

        var view = JsonDocument.Parse(body).RootElement;
        var ack = new Acknowledged(command, view.GetProperty("id").GetString()!, view.GetProperty("version").GetInt64());
        return new Answer(response.StatusCode, body, ack);
    }
}
