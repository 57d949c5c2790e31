using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Inbound;

namespace EcoDamage.Workflow.Server.Tests.ApiKeys;

/// <summary>Calls of the key tests: an administrator managing keys, a system using one, and what a refused call left behind.</summary>
public sealed class KeyAdmin(HookServer server)
{
    public HookServer Server => server;

    public HttpClient Administrator => server.Api.As(HookServer.AdministratorKey);

    public DateTimeOffset Now => server.Factory.Clock.GetUtcNow();

    /// <summary>Creates a handling-department key of the ecology bureau in Nantong; answers the key and its id.</summary>
    public async Task<(string Key, string Id)> CreateAsync(TimeSpan? lifetime = null, string system = "court-case-system")
    {
        using var response = await Administrator.PostAsJsonAsync("/api/admin/api-keys", Request(system, Now + (lifetime ?? TimeSpan.FromDays(30))));
        var body = await HookRequests.Body(response, HttpStatusCode.Created);
        return (body.GetProperty("key").GetString()!, body.GetProperty("apiKey").GetProperty("id").GetString()!);
    }

    public static object Request(string system, DateTimeOffset expiresAt, string role = "handlingDepartment", string? department = "ecologyBureau", string? jurisdiction = "nantong") =>
        new { name = "law-enforcement system", system, role, department, jurisdiction, expiresAt };

    /// <summary>Registers a clue with <paramref name="key"/> marked <paramref name="marker"/>; answers the status.</summary>
    public async Task<HttpStatusCode> RegisterClueAsync(string key, string marker)
    {
        using var response = await server.Api.As(key).PostAsJsonAsync("/api/clues", new
        {
            channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = "chongchuan", description = "化工企业偷排废水", sourceReference = marker,
        });
        return response.StatusCode;
    }

    /// <summary>How many clues carry <paramref name="marker"/> (read with the law-enforcement key).</summary>
    public async Task<int> CluesAsync(string marker) =>
        (await server.Api.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>($"/api/clues?q={Uri.EscapeDataString(marker)}")).GetProperty("total").GetInt32();

    /// <summary>The key's list entry as an administrator sees it.</summary>
    public async Task<JsonElement> ListAsync() => await Administrator.GetFromJsonAsync<JsonElement>("/api/admin/api-keys");
}
