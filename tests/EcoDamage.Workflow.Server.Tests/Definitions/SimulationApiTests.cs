using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Hardening;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Server.Tests.Definitions;

/// <summary>
/// Issue 14, "simulation of a posted scenario on a draft": <c>POST /api/definitions/simulations</c> runs scenarios on a
/// candidate definition and on the published catalog (the endpoint reads no database: SQLite only) and
/// <c>GET /api/definitions/scenarios</c> lists the stored ones. The consultation period is 90 days from the written
/// notice (N3, <c>consultation.workflow.yaml</c> <c>consultationPeriod</c>); the candidate makes it 120 days.
/// </summary>
public sealed class SimulationApiTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string Url = "/api/definitions/simulations";

    /// <summary>Notice served on Tuesday 2026-04-07: day 90 is Monday 2026-07-06, day 120 Wednesday 2026-08-05, both working days.</summary>
    internal const string PostedScenario = """
        zh: 磋商期限届满
        en: The consultation period runs out
        workflow: claim
        start: 2026-03-02T09:00
        data: { channel: suddenIncident, domain: environmentalPollution, jurisdiction: tongzhou }
        steps:
          - fire: StartPreliminaryCheck
          - attach: preliminaryCheckReport
          - attach: caseOpeningDecision
          - fire: OpenCase
            data: { damageFound: true }
          - attach: siteSurveyRecord
          - attach: samplingMonitoringReport
          - attach: photoVideoEvidence
          - fire: CompleteInvestigation
            data: { estimatedDamage: 2500000, factsSimple: true, liabilityUndisputed: true, damageSmall: false }
          - fire: CommissionAppraisal
            data: { appraisalMode: qualifiedInstitution }
          - advance: 30d
          - attach: appraisalOpinion
            as: appraisalInstitution
          - fire: DeliverAppraisal
            as: appraisalInstitution
            data: { assessedDamage: 2400000 }
          - attach: compensationOpinionLetter
          - fire: IssueOpinionLetter
          - attach: writtenNotice
          - fire: ServeWrittenNotice
            data: { noticeServedOn: 2026-04-07 }
          - advance: 140d
          - expect: { state: LitigationDecision, data: { failureGround: expired } }
        """;

    private static readonly string[] StoredNames =
    [
        "consultation-failed-litigation", "full-claim-agreement-repair-closure", "instalment-default",
        "money-only-escrow-joint-obligors", "phased-repair", "preliminary-check-escalated",
    ];

    private readonly HttpClient _admin = TestKeys.AdministratorClient(factory);

    private static string Consultation120Days =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "consultation.workflow.yaml"))
            .Replace("version: 2.0.0", "version: 2.1.0", StringComparison.Ordinal)
            .Replace("period: 90d", "period: 120d", StringComparison.Ordinal);

    [Fact]
    public async Task Simulate_PostedScenarioOnAPostedCandidate_ConsultationDeadlineDue30DaysLaterThanPublished()
    {
        using var response = await _admin.PostAsJsonAsync(Url, new { definition = Consultation120Days, scenario = PostedScenario, lang = "en" });

        var json = await OkAsync(response);
        var candidate = json.GetProperty("candidate");
        Assert.Equal("consultation", candidate.GetProperty("id").GetString());
        Assert.Equal("2.1.0", candidate.GetProperty("version").GetString());
        Assert.Equal(["2.0.0"], candidate.GetProperty("replaces").EnumerateArray().Select(v => v.GetString()));
        var result = Assert.Single(json.GetProperty("results").EnumerateArray());
        Assert.Equal("posted", result.GetProperty("scenario").GetString());
        Assert.Equal("The consultation period runs out", result.GetProperty("title").GetProperty("en").GetString());
        foreach (var run in new[] { result.GetProperty("candidate"), result.GetProperty("published") })
        {
            Assert.True(run.GetProperty("passed").GetBoolean(), run.ToString());
            Assert.Equal("LitigationDecision", run.GetProperty("finalState").GetString());
            Assert.Empty(run.GetProperty("problems").EnumerateArray());
        }

        Assert.Equal("2026-07-07T00:00:00+08:00", PeriodOpened(result.GetProperty("published")).GetProperty("due").GetString());
        Assert.Equal("2026-08-06T00:00:00+08:00", PeriodOpened(result.GetProperty("candidate")).GetProperty("due").GetString());
        Assert.Equal("2026-04-01T09:00:00+08:00", PeriodOpened(result.GetProperty("candidate")).GetProperty("at").GetString());
        Assert.Equal("Consultation / Negotiating", PeriodOpened(result.GetProperty("candidate")).GetProperty("state").GetString());
        Assert.Equal("Negotiating", PeriodOpened(result.GetProperty("candidate")).GetProperty("stateName").GetString());

        var differences = result.GetProperty("differences").EnumerateArray().ToList();
        Assert.Equal(8, differences.Count);
        Assert.All(differences, d => Assert.Equal("changed", d.GetProperty("change").GetString()));
        var first = differences[0];
        Assert.Equal("deadlineOpened", first.GetProperty("kind").GetString());
        Assert.Equal("consultation/consultationPeriod#1", first.GetProperty("subject").GetString());
        Assert.Equal("deadline opened consultation/consultationPeriod#1: due 2026-07-07 00:00 → 2026-08-06 00:00", first.GetProperty("text").GetString());
        var deemed = Assert.Single(differences, d => d.GetProperty("subject").GetString() == "DeemFailed");
        Assert.Equal("2026-07-07T00:00:00+08:00", deemed.GetProperty("published").GetProperty("at").GetString());
        Assert.Equal("2026-08-06T00:00:00+08:00", deemed.GetProperty("candidate").GetProperty("at").GetString());
        Assert.Equal(
            ["2026-07-22T00:00:00+08:00", "2026-07-30T00:00:00+08:00", "2026-08-05T00:00:00+08:00"],
            differences.Where(d => d.GetProperty("kind").GetString() == "reminder").Select(d => d.GetProperty("candidate").GetProperty("at").GetString()));
    }

    [Fact]
    public async Task Simulate_EmptyObject_EveryStoredScenarioPassesOnThePublishedCatalog()
    {
        using var response = await _admin.PostAsJsonAsync(Url, new { });

        var json = await OkAsync(response);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("candidate").ValueKind);
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(StoredNames, results.Select(r => r.GetProperty("scenario").GetString()));
        Assert.All(results, r =>
        {
            Assert.True(r.GetProperty("candidate").GetProperty("passed").GetBoolean(), r.GetProperty("scenario").GetString());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("published").ValueKind);
            Assert.Empty(r.GetProperty("differences").EnumerateArray());
        });
        // The final states of the stored scenarios (as the engine's ScenarioRunnerTests check them).
        Assert.Equal(
            ["Litigation", "Closed", "NonPerformance", "Closed", "FundsSettlement", "Investigation"],
            results.Select(r => r.GetProperty("candidate").GetProperty("finalState").GetString()));
        var zh = results[^1].GetProperty("candidate").GetProperty("timeline").EnumerateArray().First(e => e.GetProperty("kind").GetString() == "escalated");
        Assert.Equal("2026-04-02T00:00:00+08:00", zh.GetProperty("at").GetString());
        Assert.Equal("初步核查", zh.GetProperty("stateName").GetString());
    }

    [Fact]
    public async Task Simulate_StoredScenarioThatExpectsThe90DayEnd_FailsOnTheCandidateOnly()
    {
        using var response = await _admin.PostAsJsonAsync(Url, new { definition = Consultation120Days, scenarios = new[] { "consultation-failed-litigation", "preliminary-check-escalated" } });

        var results = (await OkAsync(response)).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["consultation-failed-litigation", "preliminary-check-escalated"], results.Select(r => r.GetProperty("scenario").GetString()));
        var consultation = results[0];
        Assert.True(consultation.GetProperty("published").GetProperty("passed").GetBoolean());
        Assert.False(consultation.GetProperty("candidate").GetProperty("passed").GetBoolean());
        var failure = Assert.Single(consultation.GetProperty("candidate").GetProperty("timeline").EnumerateArray(), e => e.GetProperty("failure").GetBoolean());
        Assert.Equal("expectationFailed", failure.GetProperty("kind").GetString());
        Assert.Equal(39, failure.GetProperty("line").GetInt32());
        Assert.Contains(consultation.GetProperty("differences").EnumerateArray(), d => d.GetProperty("change").GetString() == "onlyCandidate");
        // The preliminary check does not reach the consultation: nothing differs.
        Assert.Empty(results[1].GetProperty("differences").EnumerateArray());
    }

    [Fact]
    public async Task Simulate_InvalidCandidate_400WithTheProblemsValidateReports()
    {
        using var validated = await _admin.PostAsync("/api/definitions/validate", new StringContent(TestFiles.RepairBroken, Encoding.UTF8, "application/yaml"));
        var expected = (await validated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems");

        using var response = await _admin.PostAsJsonAsync(Url, new { definition = TestFiles.RepairBroken });

        var problem = await ProblemAssert.IsAsync(response, 400);
        Assert.Equal("The definition is not valid", problem.GetProperty("title").GetString());
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        var calendar = Assert.Single(problems, p => p.GetProperty("rule").GetString() == "WF018");
        Assert.Equal(TestFiles.LineOf(TestFiles.RepairBroken, "calendar: mars"), calendar.GetProperty("line").GetInt32());
        Assert.True(calendar.GetProperty("column").GetInt32() > 0);
        Assert.Equal(expected.ToString(), problem.GetProperty("problems").ToString());
    }

    [Fact]
    public async Task Simulate_CandidateBreakingItsCaller_400NamingTheCallersFile()
    {
        // The claim maps consultation's terminal states Agreed and Failed to its outcome triggers (WF011 when one is gone).
        var renamed = Consultation120Days.Replace("to: Failed", "to: Broken", StringComparison.Ordinal).Replace("\n  Failed:", "\n  Broken:", StringComparison.Ordinal);
        var claim = File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "claim.workflow.yaml"));

        using var response = await _admin.PostAsJsonAsync(Url, new { definition = renamed });

        var problem = await ProblemAssert.IsAsync(response, 400);
        var notTerminal = Assert.Single(problem.GetProperty("problems").EnumerateArray(), p => p.GetProperty("rule").GetString() == "WF011");
        var line = TestFiles.LineOf(claim, "outcomes: { Agreed: ConsultationAgreed, Failed: ConsultationFailed }");
        Assert.Equal(line, notTerminal.GetProperty("line").GetInt32());
        // The stored version the catalog was loaded from (the definition store names it id@version).
        Assert.StartsWith($"claim@2.0.0.workflow.yaml:{line}:", notTerminal.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_UnreadableScenario_400WithItsProblemsAndLines()
    {
        using var response = await _admin.PostAsJsonAsync(Url, new { scenario = "workflow: claim\nstart: 2026-02-30T09:00\nsteps: []\n" });

        var problem = await ProblemAssert.IsAsync(response, 400);
        Assert.Equal("The scenario cannot be read", problem.GetProperty("title").GetString());
        var item = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("SC001", item.GetProperty("rule").GetString());
        Assert.Equal(2, item.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Simulate_ScenarioNamingAnUnknownTrigger_200WithTheRunsProblem()
    {
        // A readable scenario that does not fit the catalog is a failed run, not a bad request.
        using var response = await _admin.PostAsJsonAsync(Url, new { scenario = "workflow: claim\nstart: 2026-03-02T09:00\nsteps:\n  - fire: Nonexistent\n" });

        var run = Assert.Single((await OkAsync(response)).GetProperty("results").EnumerateArray()).GetProperty("candidate");
        Assert.False(run.GetProperty("passed").GetBoolean());
        var item = Assert.Single(run.GetProperty("problems").EnumerateArray());
        Assert.Equal("SC005", item.GetProperty("rule").GetString());
        Assert.Equal(4, item.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("""{"scenarios":["phased-repair","no-such-scenario"]}""", "scenarios")]
    [InlineData("""{"scenarios":[""]}""", "scenarios")]
    [InlineData("""{"lang":"fr"}""", "lang")]
    [InlineData("""{"definition":"  "}""", "definition")]
    [InlineData("""{"scenario":""}""", "scenario")]
    [InlineData("""{"scenarios":"phased-repair"}""", "$.scenarios")]
    [InlineData("""{"definitions":"id: claim"}""", "$.definitions")]
    public async Task Simulate_BadInput_400NamingTheField(string body, string field)
    {
        using var response = await _admin.PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("", 400)]
    [InlineData("null", 400)]
    [InlineData("[]", 400)]
    public async Task Simulate_NotAnObject_400(string body, int status)
    {
        using var response = await _admin.PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsAsync(response, status);
    }

    [Fact]
    public async Task Simulate_NotJson_415()
    {
        using var response = await _admin.PostAsync(Url, new StringContent("scenario: x", Encoding.UTF8, "application/yaml"));

        await ProblemAssert.IsAsync(response, 415);
    }

    [Fact]
    public async Task Simulate_OverMaxPostedDefinitionBytes_413()
    {
        // WorkflowDefinitions:MaxPostedDefinitionBytes, 256 KiB by default.
        using var response = await _admin.PostAsJsonAsync(Url, new { definition = "# " + new string('x', 300 * 1024) + "\n" + Consultation120Days });

        await ProblemAssert.IsAsync(response, 413);
    }

    [Fact]
    public async Task Simulate_Anonymous_401()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(Url, new { });

        await ProblemAssert.IsAsync(response, 401);
    }

    [Theory]
    [InlineData(CaseClient.LawEnforcement)]
    [InlineData(CaseClient.Procuratorate)]
    public async Task Simulate_NotAnAdministrator_403(string key)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var response = await client.PostAsJsonAsync(Url, new { });

        await ProblemAssert.IsAsync(response, 403);
    }

    [Fact]
    public async Task ListScenarios_AnyAuthenticatedCaller_TheStoredScenariosWithTitles()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", CaseClient.LawEnforcement);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/definitions/scenarios");

        var items = json.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(StoredNames, items.Select(i => i.GetProperty("name").GetString()));
        Assert.All(items, i => Assert.Equal("claim", i.GetProperty("workflow").GetString()));
        var escalated = items[^1];
        Assert.Equal("scenarios/preliminary-check-escalated.scenario.yaml", escalated.GetProperty("path").GetString());
        Assert.Equal("初步核查逾期，移送检察院监督", escalated.GetProperty("title").GetProperty("zh").GetString());
        Assert.Equal("The preliminary check runs out and is escalated to the procuratorate", escalated.GetProperty("title").GetProperty("en").GetString());
    }

    private static JsonElement PeriodOpened(JsonElement run) =>
        Assert.Single(run.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("kind").GetString() == "deadlineOpened" && e.GetProperty("subject").GetString() == "consultation/consultationPeriod#1");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
