using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Identity;

/// <summary>The built-in account store over HTTP on SQLite and PostgreSQL: tokens, wrong passwords, lockout, forced change.</summary>
public sealed class AccountSignInTests(IdentityServers servers) : IClassFixture<IdentityServers>
{
    private const string Password = "Correct-Horse-Battery-9";

    public static TheoryData<string> Providers => CaseDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_ValidPassword_IssuesABearerTokenWithEveryCallerClaim(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "token.user", Password);

        using var response = await IdentityClient.RequestTokenAsync(factory, "Token.User", Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt64());
        Assert.False(body.GetProperty("mustChangePassword").GetBoolean());

        using var client = IdentityClient.Bearer(factory, body.GetProperty("accessToken").GetString()!);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/whoami");
        Assert.Equal("token.user", me.GetProperty("id").GetString());
        Assert.Equal("handlingDepartment", me.GetProperty("role").GetString());
        Assert.Equal("ecologyBureau", me.GetProperty("department").GetString());
        using var cases = await client.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(17)); // past the 15-minute lifetime and the skew
        using var expired = await client.GetAsync("/api/whoami");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_WrongPasswordOrUnknownUser_401ProblemAndLogged(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "wrong.pw", Password);

        using var wrong = await IdentityClient.RequestTokenAsync(factory, "wrong.pw", "Not-The-Password-1");
        var problem = await IdentityClient.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.Contains("user name or password is wrong", problem.GetProperty("detail").GetString());
        using var unknown = await IdentityClient.RequestTokenAsync(factory, "nobody.here", Password);
        var unknownProblem = await IdentityClient.ProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(problem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
        // A NUL never reaches the account store: the request guard answers 400 naming the field.
        using var hostile = await IdentityClient.RequestTokenAsync(factory, "bad\0name", "x");
        await IdentityClient.ProblemAsync(hostile, HttpStatusCode.BadRequest);
        using var empty = await IdentityClient.RequestTokenAsync(factory, null!, null!);
        await IdentityClient.ProblemAsync(empty, HttpStatusCode.Unauthorized); // was a 500: Argon2 refuses an empty password

        var failures = await IdentityClient.SecurityEventsAsync(factory, "signIn.failed");
        Assert.Contains(failures, e => e.GetProperty("target").GetString() == "wrong.pw" && e.GetProperty("detail").GetString() == "wrong password");
        Assert.Contains(failures, e => e.GetProperty("target").GetString() == "nobody.here");
        using var admin = IdentityClient.Bearer(factory, await IdentityClient.AdminTokenAsync(factory));
        var account = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users/wrong.pw");
        Assert.Equal(1, account.GetProperty("failedCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_FiveFailures_LockOutEvenTheRightPasswordUntilThePeriodEnds(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "locked.out", Password);

        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await IdentityClient.RequestTokenAsync(factory, "locked.out", $"Wrong-Password-{i}x");
            Assert.DoesNotContain("locked", (await IdentityClient.ProblemAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        }

        using var fifth = await IdentityClient.RequestTokenAsync(factory, "locked.out", "Wrong-Password-5x");
        Assert.Contains("locked", (await IdentityClient.ProblemAsync(fifth, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        using var right = await IdentityClient.RequestTokenAsync(factory, "locked.out", Password);
        Assert.Contains("locked", (await IdentityClient.ProblemAsync(right, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Contains(await IdentityClient.SecurityEventsAsync(factory, "account.lockedOut"), e => e.GetProperty("target").GetString() == "locked.out");

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await IdentityClient.RequestTokenAsync(factory, "locked.out", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // the 15-minute period has ended
        Assert.NotEmpty(await IdentityClient.TokenAsync(factory, "locked.out", Password));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Unlock_ByAnAdministrator_EndsTheLockoutAtOnce(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "to.unlock", Password);
        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await IdentityClient.RequestTokenAsync(factory, "to.unlock", $"Wrong-Password-{i}x");
        }

        using (var locked = await IdentityClient.RequestTokenAsync(factory, "to.unlock", Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        }

        using var admin = IdentityClient.Bearer(factory, await IdentityClient.AdminTokenAsync(factory));
        using var unlock = await admin.PostAsync("/api/admin/users/to.unlock/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.NotEmpty(await IdentityClient.TokenAsync(factory, "to.unlock", Password));
        Assert.Contains(await IdentityClient.SecurityEventsAsync(factory, "account.unlocked"),
            e => e.GetProperty("target").GetString() == "to.unlock" && e.GetProperty("actor").GetString() == IdentityServers.Admin);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BootstrapAdministrator_MustChangeItsPasswordBeforeAnythingElse(string provider)
    {
        await using var factory = await servers.CreateAsync(provider);

        using var response = await IdentityClient.RequestTokenAsync(factory, IdentityServers.Admin, IdentityServers.BootstrapPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("mustChangePassword").GetBoolean());
        using var first = IdentityClient.Bearer(factory, body.GetProperty("accessToken").GetString()!);

        using (var users = await first.GetAsync("/api/admin/users"))
        {
            Assert.Contains("password must be changed", (await IdentityClient.ProblemAsync(users, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        }

        using (var create = await first.PostAsJsonAsync("/api/admin/users", new { userName = "sneaky", role = "auditor", password = "Another-Long-Pa55" }))
        {
            await IdentityClient.ProblemAsync(create, HttpStatusCode.Forbidden);
        }

        using (var me = await first.GetAsync("/api/whoami"))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using (var weak = await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = IdentityServers.BootstrapPassword, newPassword = "short" }))
        {
            await IdentityClient.ProblemAsync(weak, HttpStatusCode.BadRequest);
        }

        using (var wrong = await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Not-The-Current-1", newPassword = IdentityServers.AdminPassword }))
        {
            await IdentityClient.ProblemAsync(wrong, HttpStatusCode.BadRequest);
        }

        using var changed = await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = IdentityServers.BootstrapPassword, newPassword = IdentityServers.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var renewed = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(renewed.GetProperty("mustChangePassword").GetBoolean());

        using (var old = await first.GetAsync("/api/whoami"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode); // the password change ended the earlier session
        }

        using var next = IdentityClient.Bearer(factory, renewed.GetProperty("accessToken").GetString()!);
        var list = await next.GetFromJsonAsync<JsonElement>("/api/admin/users");
        Assert.DoesNotContain(list.EnumerateArray(), a => a.GetProperty("userName").GetString() == "sneaky");
        Assert.False(list.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == IdentityServers.Admin).GetProperty("mustChangePassword").GetBoolean());
        using var oldPassword = await IdentityClient.RequestTokenAsync(factory, IdentityServers.Admin, IdentityServers.BootstrapPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ResetOrDisable_ByAnAdministrator_EndsTheAccountsSessions(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "reset.me", Password);
        await IdentityClient.CreateUserAsync(factory, "disable.me", Password);
        using var resetSession = IdentityClient.Bearer(factory, await IdentityClient.TokenAsync(factory, "reset.me", Password));
        using var disabledSession = IdentityClient.Bearer(factory, await IdentityClient.TokenAsync(factory, "disable.me", Password));
        using var admin = IdentityClient.Bearer(factory, await IdentityClient.AdminTokenAsync(factory));

        using (var reset = await admin.PostAsJsonAsync("/api/admin/users/reset.me/reset-password", new { password = "Temporary-Pa55-word" }))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        using (var disable = await admin.PostAsync("/api/admin/users/disable.me/disable", null))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        }

        using (var afterReset = await resetSession.GetAsync("/api/whoami"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, afterReset.StatusCode);
        }

        using (var afterDisable = await disabledSession.GetAsync("/api/whoami"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        }

        using var disabledSignIn = await IdentityClient.RequestTokenAsync(factory, "disable.me", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, disabledSignIn.StatusCode);
        using var temporary = await IdentityClient.RequestTokenAsync(factory, "reset.me", "Temporary-Pa55-word");
        Assert.True((await temporary.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mustChangePassword").GetBoolean());
    }
}
