using System.Net;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Tests.Inbound;

/// <summary>Bodies and answers of the inbound-hook tests.</summary>
public static class HookRequests
{
    public static string Clue(string channel = "suddenIncident", string? caseId = null, string description = "化工企业偷排废水致河道污染", string sourceReference = "ZF-2026-001") =>
        JsonSerializer.Serialize(new { channel, domain = "environmentalPollution", jurisdiction = "chongchuan", description, sourceReference, caseId });

    public static async Task<JsonElement> Body(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string[] States(JsonElement view) => view.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray();
}
