using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EcoDamage.Workflow.Server.Tests.Security;

namespace EcoDamage.Workflow.Server.Tests.Identity;

/// <summary>
/// Regression tests for issue 13's holes "a valid token with an empty <c>sub</c> or <c>role</c> answered 500" and
/// "a token for an unknown role reads every case": both failed on the code before the caller gate (500 and 200).
/// </summary>
public sealed class CallerGateTests : IDisposable
{
    private readonly ServerFactory factory = new();

    public CallerGateTests()
    {
        JwtTestTokens.Configure(factory.Settings);
        factory.Settings["Security:ApiKeys:ghost:Key"] = "test-ghost-key";
        factory.Settings["Security:ApiKeys:ghost:System"] = "ghost-system";
        factory.Settings["Security:ApiKeys:ghost:Role"] = "ghostRole";
    }

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("", "handlingDepartment")]
    [InlineData("zhang.wei", "")]
    [InlineData("   ", "handlingDepartment")]
    public async Task ValidTokenWithEmptySubOrRole_401Problem_Not500(string subject, string role)
    {
        using var client = Bearer(JwtTestTokens.Mint(factory.Clock.GetUtcNow(), subject: subject, role: role));

        using var read = await client.GetAsync("/api/cases");
        var problem = await IdentityClient.ProblemAsync(read, HttpStatusCode.Unauthorized);
        Assert.Contains("no subject", problem.GetProperty("detail").GetString());
        using var write = await client.PostAsJsonAsync("/api/clues", new { channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = "chongchuan", description = "x" });
        await IdentityClient.ProblemAsync(write, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UndeclaredRole_403OnEverythingButWhoAmI()
    {
        using var token = Bearer(JwtTestTokens.Mint(factory.Clock.GetUtcNow(), role: "ghostRole"));
        using var key = IdentityClient.Key(factory, "test-ghost-key");

        foreach (var client in new[] { token, key })
        {
            using (var cases = await client.GetAsync("/api/cases"))
            {
                Assert.Contains("not declared", (await IdentityClient.ProblemAsync(cases, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
            }

            using (var clue = await client.PostAsJsonAsync("/api/clues", new { channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = "chongchuan", description = "x" }))
            {
                await IdentityClient.ProblemAsync(clue, HttpStatusCode.Forbidden);
            }

            using (var hooks = await client.GetAsync("/api/webhooks/subscriptions"))
            {
                await IdentityClient.ProblemAsync(hooks, HttpStatusCode.Forbidden);
            }

            using var me = await client.GetAsync("/api/whoami");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var auditor = Bearer(JwtTestTokens.Mint(factory.Clock.GetUtcNow(), role: "auditor"));
        var listing = await auditor.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/cases");
        Assert.Equal(0, listing.GetProperty("total").GetInt32()); // the refused clue registration stored nothing
    }

    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
