using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Tests.Identity;

/// <summary>People's bearer tokens from the organisation's OpenID Connect provider (a local fake authority).</summary>
public sealed class OidcBearerTests : IAsyncLifetime, IDisposable
{
    private readonly ServerFactory factory = new();
    private FakeOidcAuthority authority = null!;

    public async Task InitializeAsync()
    {
        authority = await FakeOidcAuthority.StartAsync();
        factory.Settings["Security:Oidc:Authority"] = authority.Issuer;
        factory.Settings["Security:Oidc:Audience"] = "ecodamage-api";
        factory.Settings["Security:Oidc:RequireHttpsMetadata"] = "false";
        factory.Settings["Security:Oidc:ClaimMap:sub"] = "preferred_username";
        factory.Settings["Security:Oidc:ClaimMap:role"] = "ecodamage_role";
        factory.Settings["Security:Oidc:ClaimMap:department"] = "org_unit";
    }

    public async Task DisposeAsync() => await authority.DisposeAsync();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ValidToken_200WithTheMappedClaims()
    {
        using var response = await Call(authority.Mint(factory.Clock.GetUtcNow()), "/api/whoami");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("wang.fang", me.GetProperty("id").GetString());
        Assert.Equal("handlingDepartment", me.GetProperty("role").GetString());
        Assert.Equal("ecologyBureau", me.GetProperty("department").GetString());
        using var cases = await Call(authority.Mint(factory.Clock.GetUtcNow()), "/api/cases");
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
    }

    [Fact]
    public async Task ForgedSignature_401Problem()
    {
        using var response = await Call(authority.Mint(factory.Clock.GetUtcNow(), forged: true), "/api/cases");

        await AssertRefused(response, "signature");
    }

    [Fact]
    public async Task Expired_401Problem()
    {
        var token = authority.Mint(factory.Clock.GetUtcNow() - TimeSpan.FromHours(2), lifetime: TimeSpan.FromMinutes(30));

        using var response = await Call(token, "/api/cases");

        await AssertRefused(response, "expire");
    }

    [Fact]
    public async Task WrongAudience_401Problem()
    {
        using var response = await Call(authority.Mint(factory.Clock.GetUtcNow(), audience: "another-service"), "/api/cases");

        await AssertRefused(response, "audience");
    }

    [Fact]
    public async Task WrongIssuer_401Problem()
    {
        using var response = await Call(authority.Mint(factory.Clock.GetUtcNow(), issuer: "https://elsewhere.example"), "/api/cases");

        await AssertRefused(response, "issuer");
    }

    [Fact]
    public async Task MappedRoleMissing_401Problem_EvenWithTheProvidersOwnRoleClaim()
    {
        var claims = new Dictionary<string, object> { ["preferred_username"] = "no.role", ["role"] = "auditor" };

        using var response = await Call(authority.Mint(factory.Clock.GetUtcNow(), claims: claims), "/api/cases");

        await IdentityClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private async Task<HttpResponseMessage> Call(string token, string path)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task AssertRefused(HttpResponseMessage response, string reason)
    {
        var problem = await IdentityClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        response.Dispose();
    }
}
