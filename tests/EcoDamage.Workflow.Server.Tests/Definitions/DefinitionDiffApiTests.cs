using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Definitions;

/// <summary><c>GET /api/definitions/{id}/diff</c> over two real versions of the claim.</summary>
public sealed class DefinitionDiffApiTests(DiffCatalog catalog) : IClassFixture<DiffCatalog>
{
    private const string Diff = "/api/definitions/claim/diff?from=2.0.0&to=2.1.0";

    [Fact]
    public async Task Diff_TwoVersions_ReportsEachChangeAsJson()
    {
        var body = await catalog.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>(Diff);

        Assert.Equal("claim", body.GetProperty("id").GetString());
        Assert.Equal("2.0.0", body.GetProperty("from").GetString());
        Assert.Equal("2.1.0", body.GetProperty("to").GetString());
        var changes = body.GetProperty("changes").EnumerateArray()
            .Select(c => (Text(c, "kind"), Text(c, "element"), Text(c, "path"), Text(c, "before"), Text(c, "after")))
            .ToList();
        Assert.Equal(
            [
                ("changed", "effectivePeriod", "effective/from", "2023-05-01", "2027-01-01"),
                ("removed", "effectivePeriod", "effective/to", "2026-12-31", null),
                // R13/N8: the simplified-procedure ceiling.
                ("changed", "parameter", "parameters/simplifiedThreshold/value", "500000", "1000000"),
                ("removed", "role", "triggers/DeliverAppraisal/roles/expert", "expert", null),
                ("added", "state", "states/ClueArchived", null, null),
                ("added", "transition", "states/ClueScreening/on/Archive", null, "→ ClueArchived"),
            ],
            changes);
        var threshold = body.GetProperty("changes")[2];
        Assert.Equal("参数 simplifiedThreshold（简易评估认定程序金额上限）由 500000 改为 1000000", threshold.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("changes")[4].GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task Diff_TextInEnglish_OneSentencePerLine()
    {
        using var response = await catalog.As(CaseClient.Court).GetAsync(Diff + "&format=text&lang=en");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "First day in force of definition claim (Eco-environmental damage compensation claim) changed from 2023-05-01 to 2027-01-01\n"
            + "Last day in force of definition claim (Eco-environmental damage compensation claim) removed (was 2026-12-31)\n"
            + "Parameter simplifiedThreshold (Simplified-procedure ceiling) changed from 500000 to 1000000\n"
            + "Role expert removed from trigger DeliverAppraisal (Deliver the appraisal opinion)\n"
            + "State ClueArchived (Clue archived) added\n"
            + "Transition Archive added to state ClueScreening (Clue screening): → ClueArchived\n",
            text);
    }

    [Fact]
    public async Task Diff_Mermaid_MarksTheAddedStateAndTransition()
    {
        var text = await catalog.As(CaseClient.LawEnforcement).GetStringAsync(Diff + "&format=mermaid");

        Assert.StartsWith("---\ntitle: claim@2.1.0", text, StringComparison.Ordinal);
        Assert.Contains("    state \"+ 线索已归档\" as ClueArchived\n", text);
        Assert.Contains("    ClueScreening --> ClueArchived : + 归档\n", text);
        Assert.Contains("    class ClueArchived added\n", text);
        Assert.Contains("    classDef added fill:#d4edda,stroke:#28a745,color:#155724\n", text);
        Assert.Contains("    state \"图例\" as diff_legend {\n", text);
    }

    [Fact]
    public async Task Diff_DotBackwards_DrawsTheRemovedStateDashed()
    {
        var text = await catalog.As(CaseClient.LawEnforcement).GetStringAsync("/api/definitions/claim/diff?from=2.1.0&to=2.0.0&format=dot&lang=en");

        Assert.StartsWith("digraph \"claim\" {", text, StringComparison.Ordinal);
        Assert.Contains("\"ClueArchived\" [label=\"− Clue archived\", peripheries=2, style=\"rounded,filled,dashed\"", text);
        Assert.Contains("\"ClueScreening\" -> \"ClueArchived\" [label=\"− Archive\", color=\"#dc3545\", fontcolor=\"#721c24\", style=dashed];", text);
    }

    [Fact]
    public async Task Diff_SameVersion_NoChanges()
    {
        var body = await catalog.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>("/api/definitions/claim/diff?from=2.1.0&to=2.1.0");
        var text = await catalog.As(CaseClient.LawEnforcement).GetStringAsync("/api/definitions/claim/diff?from=2.1.0&to=2.1.0&format=text");

        Assert.Equal(0, body.GetProperty("changes").GetArrayLength());
        Assert.Equal(string.Empty, text);
    }

    [Theory]
    [InlineData("/api/definitions/claim/diff?to=2.1.0", "from")]
    [InlineData("/api/definitions/claim/diff?from=2.0&to=2.1.0", "from")]
    [InlineData("/api/definitions/claim/diff?from=2.0.0&to=latest", "to")]
    [InlineData("/api/definitions/claim/diff?from=2.0.0&to=2.1.0&format=svg", "format")]
    [InlineData("/api/definitions/claim/diff?from=2.0.0&to=2.1.0&lang=fr", "lang")]
    public async Task Diff_BadParameter_400NamingIt(string url, string parameter)
    {
        using var response = await catalog.As(CaseClient.LawEnforcement).GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/definitions/nothing/diff?from=2.0.0&to=2.1.0", "No definition 'nothing'.")]
    [InlineData("/api/definitions/claim/diff?from=1.9.0&to=2.1.0", "No definition 'claim' version 1.9.0 (from).")]
    [InlineData("/api/definitions/claim/diff?from=2.0.0&to=3.0.0", "No definition 'claim' version 3.0.0 (to).")]
    public async Task Diff_UnknownDefinitionOrVersion_404NamingIt(string url, string detail)
    {
        using var response = await catalog.As(CaseClient.LawEnforcement).GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Diff_NoCredentials_401()
    {
        using var response = await catalog.Factory.CreateClient().GetAsync(Diff);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string? Text(JsonElement item, string name) =>
        item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : item.GetProperty(name).GetString();
}
