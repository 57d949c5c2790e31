using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>Rate limits per caller and per anonymous client: 429 ProblemDetails with Retry-After, other callers still served.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Caller_OverItsLimit_429WithRetryAfter_OtherCallersServed()
    {
        using var factory = new ServerFactory();
        factory.Settings["Security:RateLimits:PerCallerPerMinute"] = "3";
        using var court = Client(factory, CaseClient.Court);
        using var finance = Client(factory, CaseClient.Finance);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await court.GetAsync("/api/whoami");
            Assert.True(ok.IsSuccessStatusCode);
        }

        using var refused = await court.GetAsync("/api/whoami");
        using var other = await finance.GetAsync("/api/whoami");

        await ProblemAssert.IsAsync(refused, 429);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.True(other.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Anonymous_OverTheLimit_429()
    {
        using var factory = new ServerFactory();
        factory.Settings["Security:RateLimits:AnonymousPerMinute"] = "2";
        using var client = factory.CreateClient();

        (await client.GetAsync("/api/definitions")).Dispose();
        (await client.GetAsync("/api/definitions")).Dispose();
        using var refused = await client.GetAsync("/api/definitions");

        await ProblemAssert.IsAsync(refused, 429);
    }

    [Fact]
    public async Task SignIn_StrictPerClientLimit_429()
    {
        using var factory = new ServerFactory();
        factory.Settings["Security:RateLimits:SignInPerMinute"] = "1";
        using var client = factory.CreateClient();

        (await client.PostAsync("/api/auth/sign-in", null)).Dispose();
        using var refused = await client.PostAsync("/api/auth/sign-in", null);

        await ProblemAssert.IsAsync(refused, 429);
    }

    private static HttpClient Client(ServerFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
