using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Server.Tests.Apis;

public sealed class DefinitionsApiTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private readonly HttpClient _client = Hardening.TestKeys.AdministratorClient(factory); // validate is the administrator's

    [Fact]
    public async Task List_ShippedCatalog_EveryVersionWithTitlesAndInForceOnTheShanghaiDate()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/definitions");

        Assert.Equal("2025-06-16", json.GetProperty("today").GetString());
        var items = json.GetProperty("definitions").EnumerateArray().ToList();
        Assert.Equal(["claim", "consultation", "repair"], items.Select(i => i.GetProperty("id").GetString()));
        var claim = items[0];
        Assert.Equal("2.0.0", claim.GetProperty("version").GetString());
        Assert.Equal("生态环境损害赔偿案件", claim.GetProperty("title").GetProperty("zh").GetString());
        Assert.Equal("Eco-environmental damage compensation claim", claim.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal("2023-05-01", claim.GetProperty("effectiveFrom").GetString());
        Assert.Equal("2028-04-30", claim.GetProperty("effectiveTo").GetString());
        Assert.All(items, i => Assert.True(i.GetProperty("inForce").GetBoolean()));
    }

    [Fact]
    public async Task List_AfterTheEffectivePeriod_NothingInForce()
    {
        using var later = new ServerFactory();
        later.Clock.SetUtcNow(new DateTimeOffset(2028, 4, 30, 16, 0, 0, TimeSpan.Zero)); // 2028-05-01 00:00 in Shanghai
        var json = await later.CreateClient().GetFromJsonAsync<JsonElement>("/api/definitions");

        Assert.Equal("2028-05-01", json.GetProperty("today").GetString());
        Assert.All(json.GetProperty("definitions").EnumerateArray(), i => Assert.False(i.GetProperty("inForce").GetBoolean()));
    }

    [Theory]
    [InlineData("/api/definitions/repair?format=yaml", null)]
    [InlineData("/api/definitions/repair", "application/yaml")]
    [InlineData("/api/definitions/repair/versions/2.0.0", "text/yaml")]
    public async Task Get_AskedForYaml_TheFileAsWritten(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestFiles.Repair, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Default_JsonWithTypedScalars()
    {
        using var response = await _client.GetAsync("/api/definitions/repair/versions/2.0.0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("repair", json.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, json.GetProperty("version").ValueKind);
        Assert.Equal("2.0.0", json.GetProperty("version").GetString());
        Assert.Equal("生态环境修复", json.GetProperty("zh").GetString());
        Assert.Equal("2023-05-01", json.GetProperty("effective").GetProperty("from").GetString());
        Assert.Equal(["R20", "R21", "R22", "R23", "R24", "R25", "R28", "R35", "N10"],
            json.GetProperty("implements").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Get_NewestVersion_SameAsExplicitVersion()
    {
        var latest = await _client.GetStringAsync("/api/definitions/claim");
        var pinned = await _client.GetStringAsync("/api/definitions/claim/versions/2.0.0");

        Assert.Equal(pinned, latest);
    }

    [Theory]
    [InlineData("mermaid", "zh", "stateDiagram-v2")]
    [InlineData("dot", "en", "digraph \"claim\"")]
    public async Task Diagram_FormatAndLanguage_TheEngineRendering(string format, string lang, string expectedStart)
    {
        var text = await _client.GetStringAsync($"/api/definitions/claim/diagram?format={format}&lang={lang}");

        var definition = ShippedCatalog.Catalog.Latest("claim")!.Definition;
        var options = new Engine.Diagrams.DiagramOptions(lang, ShippedCatalog.Catalog.Roles);
        var expected = format == "dot"
            ? Engine.Diagrams.DotDiagram.Render(definition, options)
            : Engine.Diagrams.MermaidDiagram.Render(definition, options);
        Assert.Equal(expected, text);
        Assert.Contains(expectedStart, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagram_Defaults_MermaidInChinese()
    {
        var text = await _client.GetStringAsync("/api/definitions/repair/diagram");

        Assert.Contains("stateDiagram-v2", text, StringComparison.Ordinal);
        Assert.Contains("生态环境修复", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/yaml")]
    [InlineData("text/yaml")]
    public async Task Validate_ValidYaml_NoProblems(string contentType)
    {
        var report = await PostAsync(TestFiles.RepairNextVersion, contentType);

        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        Assert.Empty(report.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Validate_ValidJson_NoProblems()
    {
        var json = await _client.GetStringAsync("/api/definitions/repair");
        var next = json.Replace("\"version\":\"2.0.0\"", "\"version\":\"2.1.0\"", StringComparison.Ordinal)
            .Replace("\"from\":\"2023-05-01\",\"to\":\"2028-04-30\"", "\"from\":\"2028-05-01\"", StringComparison.Ordinal);

        var report = await PostAsync(next, "application/json");

        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
    }

    [Fact]
    public async Task Validate_BrokenDefinition_EveryProblemWithRuleLineAndColumn()
    {
        var text = TestFiles.RepairBroken;

        var report = await PostAsync(text, "application/yaml");

        Assert.False(report.GetProperty("valid").GetBoolean());
        var problems = report.GetProperty("problems").EnumerateArray().ToList();
        var calendar = Assert.Single(problems, p => p.GetProperty("rule").GetString() == "WF018");
        Assert.Equal("error", calendar.GetProperty("severity").GetString());
        Assert.Contains("mars", calendar.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestFiles.LineOf(text, "calendar: mars"), calendar.GetProperty("line").GetInt32());
        Assert.Equal(11, calendar.GetProperty("column").GetInt32());
        var initial = Assert.Single(problems, p => p.GetProperty("rule").GetString() == "WF011"
            && p.GetProperty("message").GetString()!.Contains("Nowhere", StringComparison.Ordinal));
        Assert.Equal(TestFiles.LineOf(text, "initial: Nowhere"), initial.GetProperty("line").GetInt32());
        Assert.Equal(10, initial.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Validate_SameVersionAsShipped_Wf051()
    {
        var report = await PostAsync(TestFiles.Repair, "application/yaml");

        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Contains(report.GetProperty("problems").EnumerateArray(), p => p.GetProperty("rule").GetString() == "WF051");
    }

    [Fact]
    public async Task Validate_NotYaml_Wf001Not500()
    {
        var report = await PostAsync("id: [unclosed", "application/yaml");

        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal("WF001", report.GetProperty("problems")[0].GetProperty("rule").GetString());
    }

    private async Task<JsonElement> PostAsync(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await _client.PostAsync("/api/definitions/validate", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
