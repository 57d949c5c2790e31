using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>Calls the case API as the embedding systems of appsettings.Testing.json (and the test-only roles of <see cref="CaseServers"/>).</summary>
public sealed class CaseClient(ServerFactory factory)
{
    public const string LawEnforcement = "dev-law-enforcement-key";
    public const string Court = "dev-court-key";
    public const string Finance = "dev-finance-key";
    public const string Procuratorate = "dev-procuratorate-key";
    public const string Appraiser = "test-appraiser-key";
    public const string Obligor = "test-obligor-key";
    public const string Evaluator = "test-evaluator-key";
    public const string RightsHolder = "test-rightsHolder-key";
    public const string ObligorAcme = "test-obligor-acme-key";
    public const string ObligorBeta = "test-obligor-beta-key";
    public const string ObligorGamma = "test-obligor-gamma-key";

    public ServerFactory Factory => factory;

    public HttpClient As(string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async Task<JsonElement> RegisterClueAsync(string? jurisdiction = "chongchuan", string channel = "suddenIncident", string? description = "化工企业偷排废水致河道污染")
    {
        using var response = await As(LawEnforcement).PostAsJsonAsync("/api/clues", new
        {
            channel,
            domain = "environmentalPollution",
            jurisdiction,
            description,
            sourceReference = "ZF-2026-001",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Registers a clue and drives it to consultation (R7–R15): checked, opened, investigated (¥1,200,000 estimated, not
    /// simple), appraised by a qualified institution (¥1,000,000) and the opinion letter issued; the consultation's written
    /// notice is still to be served. Returns the case id.
    /// </summary>
    public async Task<string> ToConsultationAsync()
    {
        var id = (await RegisterClueAsync()).GetProperty("id").GetString()!;
        await FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        await AttachAsync(id, "preliminaryCheckReport", "caseOpeningDecision");
        await FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });
        await AttachAsync(id, "siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence");
        await FireAsync(LawEnforcement, id, "CompleteInvestigation",
            new { estimatedDamage = 1_200_000m, factsSimple = false, liabilityUndisputed = false, damageSmall = false });
        await FireAsync(LawEnforcement, id, "CommissionAppraisal", new { appraisalMode = "qualifiedInstitution" });
        await AttachAsync(id, "appraisalOpinion");
        await GrantPartiesAsync(id);
        await FireAsync(Appraiser, id, "DeliverAppraisal", new { assessedDamage = 1_000_000m });
        await AttachAsync(id, "compensationOpinionLetter");
        await FireAsync(LawEnforcement, id, "IssueOpinionLetter");
        return id;
    }

    public async Task<JsonElement> FireAsync(string key, string caseId, string trigger, object? data = null)
    {
        using var response = await As(key).PostAsJsonAsync($"/api/cases/{caseId}/triggers/{trigger}", new { data = data ?? new { } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{trigger}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Records the party-scoped systems of a claim's full course (appraisal institution, obligor, evaluator) as
    /// participants acting with their accounts, as the handling department does when it involves them (issue 13:
    /// a party-scoped role reaches only the cases granting it).
    /// </summary>
    public async Task GrantPartiesAsync(string caseId)
    {
        foreach (var (account, role) in new[] { ("appraiser", "appraisalInstitution"), ("obligor", "obligor"), ("evaluator", "evaluator") })
        {
            using var response = await As(LawEnforcement).PostAsJsonAsync($"/api/cases/{caseId}/participants", new { name = account, role, account });
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"grant {account}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The court's own documents are attached by the court (issue 13: only a role firing a trigger requiring a document attaches it).</summary>
    private static readonly HashSet<string> CourtDocuments =
        ["noticePublication", "confirmationRuling", "judgment", "paymentOrderAcceptance", "paymentOrder"];

    public async Task AttachAsync(string caseId, params string[] types)
    {
        foreach (var type in types)
        {
            using var response = await PostDocumentAsync(CourtDocuments.Contains(type) ? Court : LawEnforcement, caseId, type, "2026-03-02", System.Text.Encoding.UTF8.GetBytes($"content of {type}"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"attach {type}: {(int)response.StatusCode} {body}");
        }
    }

    public Task<HttpResponseMessage> PostDocumentAsync(string key, string caseId, string type, string servedOn, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", $"{type}.pdf");
        form.Add(new StringContent(type), "type");
        form.Add(new StringContent(servedOn), "servedOn");
        return As(key).PostAsync($"/api/cases/{caseId}/documents", form);
    }

    /// <summary>Fires <paramref name="trigger"/> (optionally naming the party acted as in <c>X-Party</c>) and returns the response as it is.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> TryFireAsync(string key, string caseId, string trigger, object? data = null, string? party = null)
    {
        using var client = As(key);
        if (party is not null)
        {
            client.DefaultRequestHeaders.Add("X-Party", party);
        }

        using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/triggers/{trigger}", new { data = data ?? new { } });
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    public async Task<JsonElement> GetAsync(string caseId, string key = LawEnforcement) =>
        await As(key).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

    public async Task<JsonElement> AuditAsync(string caseId) =>
        await As(LawEnforcement).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit");

    public async Task<JsonElement> VerifyAsync(string caseId) =>
        await As(LawEnforcement).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit/verify");
}
