using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmbeddingSample.HostApi;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Samples.Tests.HostApi;

/// <summary>The sample's <c>POST /drive</c> (on Kestrel loopback) against the real host: a clue to an opened case.</summary>
public sealed class ClueDriverTests : IDisposable
{
    private readonly HostFactory _host = new();
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData(false, "law-enforcement-system")]
    [InlineData(true, "law-enforcement-hooks")]
    public async Task Drive_ClueToOpenedCase_AndAgainChangesNothing(bool viaHook, string registeredBy)
    {
        await using var sample = await StartAsync();
        using var http = new HttpClient { BaseAddress = sample.Address };
        var request = new { viaHook, channel = "suspectedCrime", sourceReference = $"ZF-TEST-{viaHook}" };

        using var response = await http.PostAsJsonAsync("/drive", request);
        // A retry is a new delivery, signed at a later second: the very same signed message twice is refused as a replay (409).
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        using var again = await http.PostAsJsonAsync("/drive", request);

        var result = await Read(response);
        Assert.Equal(["Investigation"], result.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray());
        var caseId = result.GetProperty("caseId").GetString()!;
        Assert.Equal(caseId, (await Read(again)).GetProperty("caseId").GetString());
        using var api = _host.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", "dev-law-enforcement-key");
        var audit = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit");
        Assert.Equal(registeredBy, audit[0].GetProperty("actorId").GetString());
        var triggers = audit.EnumerateArray().Select(e => e.GetProperty("trigger").GetString()!).ToArray();
        Assert.True(triggers.Count(t => t == "StartPreliminaryCheck") == 1 && triggers.Count(t => t == "OpenCase") == 1, string.Join(", ", triggers));
        Assert.True((await api.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit/verify")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Drive_HostRefuses_502WithTheHostsProblem()
    {
        await using var sample = await StartAsync();
        using var http = new HttpClient { BaseAddress = sample.Address };

        using var response = await http.PostAsJsonAsync("/drive", new { channel = "rumour" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("channel", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        _folder.Dispose();
    }

    private Task<SampleServer> StartAsync()
    {
        var handler = _host.Server.CreateHandler();
        return SampleServer.StartAsync(_host.Clock, new Dictionary<string, string>
        {
            ["Sample:HostUrl"] = _host.Server.BaseAddress.ToString(),
            ["Sample:InboundSecret"] = HostFactory.InboundSecret,
            ["Sample:ReceivedFile"] = Path.Combine(_folder.Path, "received.jsonl"),
        }, builder => builder.Services.AddHttpClient<WorkflowHostClient>().ConfigurePrimaryHttpMessageHandler(() => handler));
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
