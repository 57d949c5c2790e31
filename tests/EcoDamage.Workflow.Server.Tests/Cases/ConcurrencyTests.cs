using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Cases;

public sealed class ConcurrencyTests(CaseServers servers) : IClassFixture<CaseServers>
{
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task FireTrigger_50ParallelWithSameIfMatch_OneWins49Conflict(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var clue = await api.RegisterClueAsync();
        var id = clue.GetProperty("id").GetString()!;
        var etag = $"\"{clue.GetProperty("version").GetInt64()}\"";
        var client = api.As(LawEnforcement);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/triggers/StartPreliminaryCheck")
            {
                Content = JsonContent.Create(new { data = new { } }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToArray();
        Assert.Equal(49, conflicts.Length);
        Assert.All(conflicts, c => Assert.Equal(2, c.Body.GetProperty("currentVersion").GetInt64()));
        var verify = await api.VerifyAsync(id);
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
        Assert.Equal(2, verify.GetProperty("events").GetInt32());
        Assert.Equal(["PreliminaryCheck"], (await api.GetAsync(id)).GetProperty("states").EnumerateArray().Select(s => s.GetString()));
    }
}
