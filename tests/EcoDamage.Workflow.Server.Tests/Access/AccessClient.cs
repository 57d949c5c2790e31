using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>Calls of the access tests: a status and a body for any key, the case's state as the auditor sees it.</summary>
public sealed class AccessClient(ServerFactory factory)
{
    public CaseClient Cases { get; } = new(factory);

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string key, string path, string? party = null)
    {
        using var client = Cases.As(key);
        if (party is not null)
        {
            client.DefaultRequestHeaders.Add("X-Party", party);
        }

        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string key, string path, object body)
    {
        using var response = await Cases.As(key).PostAsJsonAsync(path, body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A clue registered by the city's ecology bureau in <paramref name="jurisdiction"/> (routed to the ecology bureau).</summary>
    public async Task<string> RegisterAsync(string jurisdiction = "chongchuan") =>
        (await Cases.RegisterClueAsync(jurisdiction: jurisdiction)).GetProperty("id").GetString()!;

    /// <summary>Records a participant acting with <paramref name="account"/> (granting it the case).</summary>
    public async Task GrantAsync(string caseId, string account)
    {
        var (status, body) = await PostAsync(CaseClient.LawEnforcement, $"/api/cases/{caseId}/participants", new { name = account, role = "expert", account });
        Assert.True(status == HttpStatusCode.Created, body);
    }

    /// <summary>Version, audit length and documents of a case, as the auditor reads them.</summary>
    public async Task<string> StateAsync(string caseId)
    {
        using var auditor = Cases.As(AccessKeys.Auditor);
        var view = await auditor.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var audit = await auditor.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit");
        return $"v{view.GetProperty("version").GetInt64()} audit={audit.GetArrayLength()} documents={view.GetProperty("documents").GetArrayLength()} participants={view.GetProperty("participants").GetArrayLength()}";
    }
}
