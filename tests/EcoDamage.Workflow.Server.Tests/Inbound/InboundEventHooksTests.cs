using System.Net;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookRequests;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookServer;

namespace EcoDamage.Workflow.Server.Tests.Inbound;

/// <summary>Case events (triggers) posted by embedding systems, authenticated by their Standard Webhooks signature.</summary>
public sealed class InboundEventHooksTests(HookServers servers) : IClassFixture<HookServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task PostEvent_Accepted_FiresTriggerAsTheSystem_RetryChangesNothing(string provider)
    {
        var server = await servers.GetAsync(provider);
        var id = await server.RegisterClueAsync();

        using var fired = await server.PostSignedAsync($"/api/hooks/lawEnforcement/cases/{id}/events/StartPreliminaryCheck", LawEnforcementSecret, "{\"data\": {}}", id: $"msg_{id}_start");
        using var retried = await server.PostSignedAsync($"/api/hooks/lawEnforcement/cases/{id}/events/StartPreliminaryCheck", LawEnforcementSecret, "{\"data\": {}}", id: $"msg_{id}_start", timestamp: server.Now - 1);

        var view = await Body(fired, HttpStatusCode.OK);
        Assert.Equal(["PreliminaryCheck"], States(view));
        Assert.Equal(2, view.GetProperty("version").GetInt64());
        Assert.Equal(2, (await Body(retried, HttpStatusCode.OK)).GetProperty("version").GetInt64());
        var audit = await server.Api.AuditAsync(id);
        Assert.Equal(2, audit.GetArrayLength());
        Assert.Equal("law-enforcement-hooks", audit[1].GetProperty("actorId").GetString());
        Assert.Equal("ecologyBureau", audit[1].GetProperty("department").GetString());
    }

    /// <summary>Name, system, trigger, body, status, the field named (400) or refusal kind (404/409/422).</summary>
    public static TheoryData<string, string, string, string, int, string> BadEvents => new()
    {
        { "trigger the state does not permit", "court", "RuleAgreementValid", "{}", 409, "NotPermittedInState" },
        { "role not allowed", "court", "StartPreliminaryCheck", "{\"data\": {}}", 422, "RoleNotAllowed" },
        { "unknown trigger", "lawEnforcement", "Nope", "{}", 404, "UnknownTrigger" },
        { "data value an object", "lawEnforcement", "StartPreliminaryCheck", "{\"data\": {\"description\": {\"x\": 1}}}", 400, "data.description" },
        { "data not an object", "lawEnforcement", "StartPreliminaryCheck", "{\"data\": 5}", 400, "data" },
        { "unknown member", "lawEnforcement", "StartPreliminaryCheck", "{\"payload\": {}}", 400, "payload" },
        { "unknown data field", "lawEnforcement", "StartPreliminaryCheck", "{\"data\": {\"nope\": 1}}", 422, "InvalidData" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task PostEvent_Refused_ProblemAndCaseUnchanged(string name, string system, string trigger, string body, int status, string expected)
    {
        var server = await servers.GetAsync();
        var id = await server.RegisterClueAsync();
        var secret = system == "court" ? CourtSecret : LawEnforcementSecret;

        using var response = await server.PostSignedAsync($"/api/hooks/{system}/cases/{id}/events/{trigger}", secret, body);

        var problem = await Body(response, (HttpStatusCode)status);
        if (status == 400)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(expected, out _), $"{name}: {problem}");
        }
        else
        {
            Assert.True(problem.GetProperty("refusals").EnumerateArray().Any(r => r.GetProperty("kind").GetString() == expected), $"{name}: {problem}");
        }

        Assert.Equal(1, (await server.Api.GetAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task PostEvent_UnknownCase_404()
    {
        var server = await servers.GetAsync();
        using var response = await server.PostSignedAsync("/api/hooks/court/cases/no-such-case/events/RuleAgreementValid", CourtSecret, "{}");

        Assert.Contains("no-such-case", (await Body(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEvent_StaleIfMatch_409WithCurrentVersion()
    {
        var server = await servers.GetAsync();
        var id = await server.RegisterClueAsync();

        using var response = await server.PostSignedAsync($"/api/hooks/lawEnforcement/cases/{id}/events/StartPreliminaryCheck", LawEnforcementSecret, "{}",
            tamper: r => r.Headers.TryAddWithoutValidation("If-Match", "\"7\""));

        Assert.Equal(1, (await Body(response, HttpStatusCode.Conflict)).GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task PostEvent_TamperedSignature_401AndCaseUnchanged()
    {
        var server = await servers.GetAsync();
        var id = await server.RegisterClueAsync();

        using var response = await server.PostSignedAsync($"/api/hooks/lawEnforcement/cases/{id}/events/StartPreliminaryCheck", LawEnforcementSecret, "{}",
            tamper: r => r.Content = new StringContent("{\"data\": {}}", System.Text.Encoding.UTF8, "application/json"));

        await Body(response, HttpStatusCode.Unauthorized);
        Assert.Equal(1, (await server.Api.GetAsync(id)).GetProperty("version").GetInt64());
    }
}
