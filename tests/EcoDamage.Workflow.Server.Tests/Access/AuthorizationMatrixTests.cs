using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>
/// The authorization matrix (issue 13): every endpoint the host maps × every role of <c>roles.yaml</c> × own/other
/// department × own/other jurisdiction, each answer checked against its row of <see cref="MatrixTable"/>; after every
/// change request (allowed or not: the probes are built to change nothing) the cases' versions, audit trails and count
/// are unchanged. Fails when an endpoint has no row.
/// </summary>
public sealed class AuthorizationMatrixTests(AccessServers servers) : IClassFixture<AccessServers>
{
    [Fact]
    public async Task EveryEndpoint_HasARow_AndEveryRowAnEndpoint()
    {
        var factory = await servers.GetAsync("Sqlite");
        var mapped = Endpoints(factory);
        var rows = MatrixTable.Rows.Select(r => r.Endpoint).ToHashSet(StringComparer.Ordinal);
        var missing = mapped.Where(e => !rows.Contains(e)).Order(StringComparer.Ordinal).ToArray();
        var stale = rows.Where(r => !mapped.Contains(r)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0, $"endpoints without a row in MatrixTable: {string.Join(", ", missing)}");
        Assert.True(stale.Length == 0, $"rows of MatrixTable without an endpoint: {string.Join(", ", stale)}");
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task EveryEndpoint_EveryRoleDepartmentAndJurisdiction_AllowedOrDeniedAsDeclared(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var target = await ArrangeAsync(api);
        var failures = new List<string>();
        var tried = 0;
        foreach (var caller in MatrixRoles.Callers)
        {
            using var client = api.As(caller.Key);
            foreach (var row in MatrixTable.Rows.Where(r => r.Probe is not null))
            {
                var before = row.Probe!(target).Method == HttpMethod.Get ? null : await StateAsync(api, target);
                using var request = row.Probe!(target);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                tried++;
                if (Check(row, caller, target, (int)response.StatusCode, body) is { } wrong)
                {
                    failures.Add($"{caller} {row}: {wrong} — {(int)response.StatusCode} {Truncate(body)}");
                }

                if (before is not null && await StateAsync(api, target) != before)
                {
                    failures.Add($"{caller} {row}: the probe changed a case ({before} → {await StateAsync(api, target)})");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} requests wrong:\n{string.Join('\n', failures.Take(60))}");
    }

    private static string? Check(MatrixRow row, MatrixCaller caller, MatrixCase target, int status, string body)
    {
        if (status >= 500)
        {
            return "server error";
        }

        switch (row.Rule)
        {
            case MatrixRule.Anonymous or MatrixRule.Authenticated:
                return status is 401 or 403 ? "refused" : null;
            case MatrixRule.Read:
                return caller.Reads ? (status is >= 200 and < 300 ? null : "read refused") : (status == 404 ? null : "expected 404");
            case MatrixRule.Act:
                return !caller.Reads ? (status == 404 ? null : "expected 404 (not read)")
                    : !caller.Acts ? (status == 403 ? null : "expected 403 (read, not act)")
                    : status is 401 or 403 or 404 ? "act refused" : null;
            case MatrixRule.List:
                var listed = body.Contains($"\"{target.Id}\"", StringComparison.Ordinal);
                return status != 200 ? "expected 200"
                    : listed && !caller.Reads ? "lists a case it may not read"
                    : !listed && caller.Reads && row.MustList ? "does not list a case it reads" : null;
            case MatrixRule.Register:
                return caller.Registers ? (status is 401 or 403 ? "register refused" : null) : (status == 403 ? null : "expected 403");
            case MatrixRule.Oversight:
                return caller.Oversees ? (status == 200 ? null : "expected 200") : (status == 403 ? null : "expected 403");
            case MatrixRule.Admin:
                return caller.Role == "administrator" ? (status is 401 or 403 ? "admin refused" : null) : (status == 403 ? null : "expected 403");
            case MatrixRule.ActInRole:
                return !caller.Reads ? (status == 404 ? null : "expected 404 (not read)")
                    : !caller.Acts ? (status == 403 ? null : "expected 403 (read, not act)")
                    : status is 401 or 404 ? "act refused" : null;
            case MatrixRule.SignIn:
                return status == 401 && body.Contains("user name or password", StringComparison.Ordinal) ? null : "expected 401 (wrong credentials)";
            case MatrixRule.AccountOnly:
                return status == 403 ? null : "expected 403 (a system has no password)";
            case MatrixRule.OwnedByOther:
                return caller.Role == "administrator" ? (status is >= 200 and < 300 ? null : "admin refused") : (status == 404 ? null : "expected 404 (another's)");
            case MatrixRule.Signed:
                return status == 401 ? null : "expected 401 (unsigned)";
            default:
                return null;
        }
    }

    /// <summary>The case under test and a second case linked to it, both of Chongchuan's ecology bureau, both granting the matrix's account.</summary>
    private static async Task<MatrixCase> ArrangeAsync(CaseClient api)
    {
        var id = (await api.RegisterClueAsync(jurisdiction: MatrixCaller.CaseJurisdiction)).GetProperty("id").GetString()!;
        var other = (await api.RegisterClueAsync(jurisdiction: MatrixCaller.CaseJurisdiction)).GetProperty("id").GetString()!;
        using var client = api.As(CaseClient.LawEnforcement);
        foreach (var caseId in new[] { id, other })
        {
            using var granted = await client.PostAsJsonAsync($"/api/cases/{caseId}/participants", new { name = "矩阵机构", role = "expert", account = MatrixCaller.GrantedAccount });
            Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        }

        using var linked = await client.PostAsJsonAsync($"/api/cases/{id}/links", new { caseId = other, kind = "related" });
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);

        // A subscription of the law-enforcement system, which no matrix caller owns.
        using var subscribed = await client.PostAsJsonAsync("/api/webhooks/subscriptions", new { url = "http://127.0.0.1:9/matrix", eventTypes = new[] { "*" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscription = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new MatrixCase(id, other) { Subscription = subscription };
    }

    /// <summary>Both cases' versions and audit lengths and the number of cases, as the auditor reads them.</summary>
    private static async Task<string> StateAsync(CaseClient api, MatrixCase target)
    {
        using var auditor = api.As(AccessKeys.Auditor);
        var parts = new List<string>();
        foreach (var id in new[] { target.Id, target.Other })
        {
            var audit = await auditor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit");
            var last = audit.EnumerateArray().Last();
            parts.Add($"{id}@v{last.GetProperty("caseVersion").GetInt64()}#{audit.GetArrayLength()}");
        }

        var list = await auditor.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=1");
        parts.Add($"cases={list.GetProperty("total").GetInt32()}");
        return string.Join(' ', parts);
    }

    /// <summary>The host's endpoints as <c>METHOD /pattern</c>.</summary>
    private static HashSet<string> Endpoints(ServerFactory factory)
    {
        var sources = factory.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.Trim('/')}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string Truncate(string body) => body.Length > 200 ? body[..200] : body;
}
