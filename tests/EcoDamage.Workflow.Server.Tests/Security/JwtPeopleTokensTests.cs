using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace EcoDamage.Workflow.Server.Tests.Security;

public sealed class JwtPeopleTokensTests : IDisposable
{
    private readonly ServerFactory factory = new();
    private readonly HttpClient client;

    public JwtPeopleTokensTests()
    {
        JwtTestTokens.Configure(factory.Settings);
        client = factory
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddFakeApiKeySchemeIfMissing()))
            .CreateClient();
    }

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    private Task<HttpResponseMessage> WhoAmI(string? bearer = null, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task WhoAmI_ValidToken_ReturnsTheTokensClaimsUnmapped()
    {
        using var response = await WhoAmI(JwtTestTokens.Mint(factory.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("zhang.wei", body.GetProperty("id").GetString());
        Assert.Equal("handlingDepartment", body.GetProperty("role").GetString());
        Assert.Equal("ecologyBureau", body.GetProperty("department").GetString());
    }

    [Fact]
    public async Task WhoAmI_TokenValidOnTheInjectedClockOnly_IsJudgedByTheInjectedClock()
    {
        // Issued for an hour from the fake clock's 2025 start: long expired on the wall clock.
        var token = JwtTestTokens.Mint(factory.Clock.GetUtcNow(), TimeSpan.FromHours(1));
        using (var fresh = await WhoAmI(token))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(2)); // past expiry and the one-minute skew
        using var expired = await WhoAmI(token);

        await AssertUnauthorizedProblem(expired, "expire");
    }

    [Fact]
    public async Task WhoAmI_BadSignature_401Problem()
    {
        var token = JwtTestTokens.Mint(factory.Clock.GetUtcNow(), signingKey: "another-key-of-sufficient-length-0123456789");

        using var response = await WhoAmI(token);

        await AssertUnauthorizedProblem(response, "signature");
    }

    [Fact]
    public async Task WhoAmI_WrongAudience_401Problem()
    {
        var token = JwtTestTokens.Mint(factory.Clock.GetUtcNow(), audience: "some-other-service");

        using var response = await WhoAmI(token);

        await AssertUnauthorizedProblem(response, "audience");
    }

    [Fact]
    public async Task WhoAmI_WrongIssuer_401Problem()
    {
        var token = JwtTestTokens.Mint(factory.Clock.GetUtcNow(), issuer: "https://elsewhere.example");

        using var response = await WhoAmI(token);

        await AssertUnauthorizedProblem(response, "issuer");
    }

    [Fact]
    public async Task WhoAmI_Garbage_401Problem()
    {
        using var response = await WhoAmI("not.a.token");

        await AssertUnauthorizedProblem(response, "invalid");
    }

    [Fact]
    public async Task WhoAmI_NoCredentials_401()
    {
        using var response = await WhoAmI();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WhoAmI_ApiKeyWithoutBearer_ForwardsToTheApiKeyScheme()
    {
        using var response = await WhoAmI(apiKey: JwtTestTokens.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("handlingDepartment", body.GetProperty("role").GetString());
    }

    [Fact]
    public async Task WhoAmI_BearerHeaderPresent_WinsOverAnApiKey()
    {
        // A bad bearer token is not rescued by a good API key: the Authorization header picks the scheme.
        var token = JwtTestTokens.Mint(factory.Clock.GetUtcNow(), audience: "some-other-service");

        using var response = await WhoAmI(token, JwtTestTokens.ApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task AssertUnauthorizedProblem(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("Unauthorized", problem.GetProperty("title").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class JwtPeopleTokenOptionsTests
{
    [Fact]
    public void Validate_NoKey_BearerDisabledWithoutProblems()
    {
        var options = new JwtPeopleTokenOptions();

        Assert.False(options.Enabled);
        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Validate_ShortKeyWithoutIssuerOrAudience_ListsEveryProblem()
    {
        var problems = Problems(new JwtPeopleTokenOptions { SigningKey = "short" });

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Security:Jwt:SigningKey:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Security:Jwt:Issuer:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Security:Jwt:Audience:", StringComparison.Ordinal));
    }

    private static List<string> Problems(JwtPeopleTokenOptions options) =>
        [.. new JwtPeopleTokenOptionsValidator().Validate(null, options).Failures ?? []];

    [Fact]
    public void Host_ShortKey_FailsAtStartUp()
    {
        using var factory = new ServerFactory();
        JwtTestTokens.Configure(factory.Settings);
        factory.Settings["Security:Jwt:SigningKey"] = "too-short";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Security:Jwt:SigningKey", error.ToString(), StringComparison.Ordinal);
    }
}
