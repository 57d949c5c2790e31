using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Scheduling.Deadlines;
using EcoDamage.Workflow.Server.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>A host on a fresh SQLite file with the fake clock at <see cref="CaseServers.Monday"/>, and helpers to drive deadlines.</summary>
public sealed class DeadlineHost : IDisposable
{
    public const string Hotline = "dev-hotline-key";

    /// <summary>The city's rights holder (an approving role of deadline extensions by default).</summary>
    public const string RightsHolder = "test-deadline-rights-holder-key";

    public DeadlineHost(bool quartz = false, string? connectionString = null, IReadOnlyDictionary<string, string>? settings = null, string? workflows = null)
    {
        Factory = workflows is null ? new ServerFactory() : new ServerFactory { WorkflowsDirectory = workflows };
        Factory.Clock.SetUtcNow(CaseServers.Monday);
        Factory.Settings["Deadlines:Enabled"] = quartz ? "true" : "false";
        if (connectionString is not null)
        {
            Factory.Settings["Storage:ConnectionString"] = connectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Factory.Settings[key] = value;
        }

        Factory.Settings["Security:ApiKeys:appraiser:Key"] = CaseClient.Appraiser;
        Factory.Settings["Security:ApiKeys:appraiser:System"] = "appraiser-system";
        Factory.Settings["Security:ApiKeys:appraiser:Role"] = "appraisalInstitution";
        Factory.Settings["Security:ApiKeys:appraiser:Party"] = "appraiser"; // issue 13: granted by CaseClient.GrantPartiesAsync
        // Issue 13: a case of a definition without `listing:` has no owner; only a scope covering everything reads it.
        Factory.Settings["Security:ApiKeys:auditor:Key"] = Auditor;
        Factory.Settings["Security:ApiKeys:auditor:System"] = "auditor-system";
        Factory.Settings["Security:ApiKeys:auditor:Role"] = "auditor";
        Factory.Settings["Security:ApiKeys:deadlineRightsHolder:Key"] = RightsHolder;
        Factory.Settings["Security:ApiKeys:deadlineRightsHolder:System"] = "city-government";
        Factory.Settings["Security:ApiKeys:deadlineRightsHolder:Role"] = "rightsHolder";
        Factory.Settings["Security:ApiKeys:deadlineRightsHolder:Jurisdiction"] = "nantong";
        Api = new CaseClient(Factory);
    }

    public ServerFactory Factory { get; }

    public CaseClient Api { get; }

    /// <summary>Monday 2026-03-02 10:00 in Shanghai plus whole days and hours.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Registers a clue and starts the preliminary check (初步核查): the 30-day deadline opens.</summary>
    public async Task<string> PreliminaryCheckAsync()
    {
        var clue = await Api.RegisterClueAsync();
        var id = clue.GetProperty("id").GetString()!;
        await Api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        return id;
    }

    public async Task<DeadlineTickSummary> SweepAtAsync(DateTimeOffset at)
    {
        Factory.Clock.SetUtcNow(at);
        return await Factory.Services.GetRequiredService<DeadlineSweeper>().SweepAsync();
    }

    public async Task<JsonElement[]> DeadlineAuditAsync(string caseId) =>
        (await Api.AuditAsync(caseId)).EnumerateArray()
            .Where(e => e.GetProperty("actorId").GetString() == DeadlineActor.Id)
            .ToArray();

    /// <summary>The auditor's key (reads every case, changes none).</summary>
    public const string Auditor = "test-auditor-key";

    public async Task<JsonElement> DeadlineAsync(string caseId, string id, string key = CaseClient.LawEnforcement) =>
        (await Api.GetAsync(caseId, key)).GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);

    public Task<HttpResponseMessage> RequestExtensionAsync(string key, string caseId, object body) =>
        Api.As(key).PostAsJsonAsync($"/api/cases/{caseId}/deadline-extensions", body);

    public Task<HttpResponseMessage> ApproveExtensionAsync(string key, string caseId, string deadline) =>
        Api.As(key).PostAsJsonAsync($"/api/cases/{caseId}/deadline-extensions/approval", new { deadline });

    public void Dispose() => Factory.Dispose();
}
