using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcoDamage.Workflow.Server.Tests.Identity;

/// <summary>The console's cookie session: its cookie's attributes, antiforgery on unsafe requests, sign-out.</summary>
public sealed class CookieSessionTests(IdentityServers servers) : IClassFixture<IdentityServers>
{
    private const string Password = "Cookie-Session-Pa55";

    public static TheoryData<string> Providers => CaseDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Login_SetsAnHttpOnlyStrictSessionCookie_ThatAuthenticatesReads(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "cookie.reader", Password);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        using var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "cookie.reader", password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ecodamage.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", setCookie, StringComparison.OrdinalIgnoreCase); // a session cookie, never written to disk

        var me = await browser.GetFromJsonAsync<JsonElement>("/api/whoami");
        Assert.Equal("cookie.reader", me.GetProperty("id").GetString());
        using var cases = await browser.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UnsafeCookieRequest_WithoutOrWithAWrongAntiforgeryToken_400ProblemAndNothingChanged(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "cookie.writer", Password);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using (var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "cookie.writer", password = Password }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var before = await CaseCountAsync(factory);
        var change = new { currentPassword = Password, newPassword = "Forged-Change-Pa55" };
        var clue = new { channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = "chongchuan", description = "CSRF", sourceReference = "X-1" };

        using (var missing = await browser.PostAsJsonAsync("/api/auth/password", change))
        {
            Assert.Contains("X-CSRF-TOKEN", (await IdentityClient.ProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        }

        using (var missingClue = await browser.PostAsJsonAsync("/api/clues", clue))
        {
            await IdentityClient.ProblemAsync(missingClue, HttpStatusCode.BadRequest);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/clues") { Content = JsonContent.Create(clue) })
        {
            wrong.Headers.Add("X-CSRF-TOKEN", "CfDJ8-not-a-real-token");
            using var response = await browser.SendAsync(wrong);
            await IdentityClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await CaseCountAsync(factory));
        Assert.NotEmpty(await IdentityClient.TokenAsync(factory, "cookie.writer", Password)); // the password did not change

        var token = (await browser.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery")).GetProperty("token").GetString();
        using var valid = new HttpRequestMessage(HttpMethod.Post, "/api/clues") { Content = JsonContent.Create(clue) };
        valid.Headers.Add("X-CSRF-TOKEN", token);
        using var registered = await browser.SendAsync(valid);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(before + 1, await CaseCountAsync(factory));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Logout_EndsTheSession(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "cookie.leaver", Password);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using (var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "cookie.leaver", password = Password }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var token = (await browser.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery")).GetProperty("token").GetString();
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("X-CSRF-TOKEN", token);
        using (var response = await browser.SendAsync(logout))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        using var after = await browser.GetAsync("/api/whoami");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ApiKeyBesideACookie_NeedsNoAntiforgeryToken(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "cookie.system", Password);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using (var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "cookie.system", password = Password }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        browser.DefaultRequestHeaders.Add("X-Api-Key", CaseClient.LawEnforcement);
        using var response = await browser.PostAsJsonAsync("/api/clues", new { channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = "chongchuan", description = "key", sourceReference = "K-1" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CookieSession_AdminApi403Problem_AndIdleSessionExpires(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "cookie.idle", Password);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using (var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "cookie.idle", password = Password }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        using (var admin = await browser.GetAsync("/api/admin/users"))
        {
            await IdentityClient.ProblemAsync(admin, HttpStatusCode.Forbidden);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(31)); // past the 30-minute idle timeout
        using var idle = await browser.GetAsync("/api/whoami");
        await IdentityClient.ProblemAsync(idle, HttpStatusCode.Unauthorized);
    }

    private static async Task<int> CaseCountAsync(ServerFactory factory)
    {
        using var auditor = IdentityClient.Key(factory, IdentityServers.AuditorKey);
        var page = await auditor.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=1");
        return page.GetProperty("total").GetInt32();
    }
}
