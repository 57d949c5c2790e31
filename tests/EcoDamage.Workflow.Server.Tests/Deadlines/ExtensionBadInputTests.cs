using System.Net;
using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>Malformed or impossible extension requests: each a ProblemDetails with its status, and the case unchanged.</summary>
public sealed class ExtensionBadInputTests : IClassFixture<ExtensionBadInputTests.Host>
{
    private readonly Host _host;

    public ExtensionBadInputTests(Host host) => _host = host;

    public static TheoryData<string, string, int, string> Cases => new()
    {
        // name, JSON body, expected status, the field or word the problem names
        { "negative period", """{"deadline":"claim/preliminaryCheck#1","period":"-5d","reason":"r"}""", 400, "period" },
        { "zero period", """{"deadline":"claim/preliminaryCheck#1","period":"0d","reason":"r"}""", 400, "period" },
        { "unknown unit", """{"deadline":"claim/preliminaryCheck#1","period":"5y","reason":"r"}""", 400, "period" },
        { "date in the past", """{"deadline":"claim/preliminaryCheck#1","lastDay":"2026-02-01","reason":"r"}""", 422, "past" },
        { "earlier than now due", """{"deadline":"claim/preliminaryCheck#1","lastDay":"2026-03-20","reason":"r"}""", 422, "not later" },
        { "year 9999", """{"deadline":"claim/preliminaryCheck#1","lastDay":"9999-12-31","reason":"r"}""", 400, "lastDay" },
        { "beyond the maximum", """{"deadline":"claim/preliminaryCheck#1","lastDay":"2999-12-31","reason":"r"}""", 422, "latest" },
        { "period beyond the maximum", """{"deadline":"claim/preliminaryCheck#1","period":"3650m","reason":"r"}""", 422, "latest" },
        { "malformed date", """{"deadline":"claim/preliminaryCheck#1","lastDay":"01/05/2026","reason":"r"}""", 400, "lastDay" },
        { "both period and date", """{"deadline":"claim/preliminaryCheck#1","period":"5d","lastDay":"2026-05-01","reason":"r"}""", 400, "period" },
        { "neither", """{"deadline":"claim/preliminaryCheck#1","reason":"r"}""", 400, "period" },
        { "no reason", """{"deadline":"claim/preliminaryCheck#1","period":"5d"}""", 400, "reason" },
        { "no deadline", """{"period":"5d","reason":"r"}""", 400, "deadline" },
        { "unknown deadline", """{"deadline":"claim/nothing#1","period":"5d","reason":"r"}""", 404, "no deadline" },
        { "closed deadline", """{"deadline":"closed","period":"5d","reason":"r"}""", 409, "closed" },
        { "unknown member", """{"deadline":"claim/preliminaryCheck#1","period":"5d","reason":"r","extra":1}""", 400, "" },
        { "not JSON", """{"deadline":""", 400, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RequestExtension_BadInput_ProblemDetailsAndNoChange(string name, string json, int status, string mentions)
    {
        var (caseId, body) = name == "closed deadline"
            ? (_host.Closed, json.Replace("\"closed\"", "\"claim/preliminaryCheck#1\"", StringComparison.Ordinal))
            : (_host.Open, json);
        var before = await _host.Deadlines.Api.GetAsync(caseId);

        using var response = await _host.Deadlines.Api.As(LawEnforcement).PostAsync(
            $"/api/cases/{caseId}/deadline-extensions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var after = await _host.Deadlines.Api.GetAsync(caseId);
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task RequestExtension_UnknownCase_404()
    {
        using var response = await _host.Deadlines.RequestExtensionAsync(LawEnforcement, "no-such-case", new { deadline = "claim/preliminaryCheck#1", period = "5d", reason = "r" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApproveExtension_NothingRequested_409AndNoChange()
    {
        var before = (await _host.Deadlines.Api.GetAsync(_host.Open)).GetProperty("version").GetInt64();

        using var response = await _host.Deadlines.ApproveExtensionAsync(DeadlineHost.RightsHolder, _host.Open, "claim/preliminaryCheck#1");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, (await _host.Deadlines.Api.GetAsync(_host.Open)).GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("/api/deadlines?dueWithinDays=-1", "dueWithinDays")]
    [InlineData("/api/deadlines?pageSize=0", "pageSize")]
    [InlineData("/api/deadlines?overdue=perhaps", "")] // bound by the framework: 400 without the name
    [InlineData("/api/deadlines/reminders", "department")]
    [InlineData("/api/deadlines/escalations?limit=100000", "limit")]
    public async Task Listings_BadQuery_400(string url, string parameter)
    {
        using var response = await _host.Deadlines.Api.As(LawEnforcement).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OverdueAndDueSoon_ByDepartment()
    {
        var department = (await _host.Deadlines.Api.GetAsync(_host.Open)).GetProperty("data").TryGetProperty("routedDepartment", out var d) ? d.GetString() : null;
        using var list = await _host.Deadlines.Api.As(LawEnforcement).GetAsync("/api/deadlines?dueWithinDays=31&overdue=false");
        var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;

        var item = Assert.Single(json.GetProperty("deadlines").EnumerateArray(), i => i.GetProperty("caseId").GetString() == _host.Open);
        Assert.Equal("preliminaryCheck", item.GetProperty("deadlineId").GetString());
        Assert.Equal(department, item.GetProperty("department").GetString());
        using var overdue = await _host.Deadlines.Api.As(LawEnforcement).GetAsync("/api/deadlines?overdue=true");
        Assert.Equal(0, JsonDocument.Parse(await overdue.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
    }

    /// <summary>One host: a case with an open preliminary check, and one whose check was closed by opening the case.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public DeadlineHost Deadlines { get; } = new();

        public string Open { get; private set; } = string.Empty;

        public string Closed { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            Open = await Deadlines.PreliminaryCheckAsync();
            Closed = await Deadlines.PreliminaryCheckAsync();
            await Deadlines.Api.AttachAsync(Closed, "preliminaryCheckReport", "caseOpeningDecision");
            await Deadlines.Api.FireAsync(LawEnforcement, Closed, "OpenCase", new { damageFound = true });
        }

        public Task DisposeAsync()
        {
            Deadlines.Dispose();
            return Task.CompletedTask;
        }
    }
}
