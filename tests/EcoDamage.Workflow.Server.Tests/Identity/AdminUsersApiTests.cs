using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Identity;

/// <summary>The administrator's account API: only role <c>administrator</c>; every change in the security event log.</summary>
public sealed class AdminUsersApiTests(IdentityServers servers) : IClassFixture<IdentityServers>
{
    private const string Password = "Admin-Api-Test-Pa55";

    public static TheoryData<string> Providers => CaseDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AccountApi_NonAdministrators_403ProblemAndNothingChanged(string provider)
    {
        var factory = await servers.GetAsync(provider);
        await IdentityClient.CreateUserAsync(factory, "plain.handler", Password);
        using var person = IdentityClient.Bearer(factory, await IdentityClient.TokenAsync(factory, "plain.handler", Password));
        using var system = IdentityClient.Key(factory, CaseClient.LawEnforcement);
        using var auditor = IdentityClient.Key(factory, IdentityServers.AuditorKey);
        var create = new { userName = "self.made", role = "administrator", password = "Self-Made-Admin-Pa55" };

        foreach (var caller in new[] { person, system, auditor })
        {
            using (var created = await caller.PostAsJsonAsync("/api/admin/users", create))
            {
                await IdentityClient.ProblemAsync(created, HttpStatusCode.Forbidden);
            }

            using (var promoted = await caller.PatchAsJsonAsync("/api/admin/users/plain.handler", new { role = "administrator" }))
            {
                await IdentityClient.ProblemAsync(promoted, HttpStatusCode.Forbidden);
            }

            using (var reset = await caller.PostAsJsonAsync("/api/admin/users/root.admin/reset-password", new { password = "Taken-Over-Pa55-x" }))
            {
                await IdentityClient.ProblemAsync(reset, HttpStatusCode.Forbidden);
            }

            using var listed = await caller.GetAsync("/api/admin/users");
            await IdentityClient.ProblemAsync(listed, HttpStatusCode.Forbidden);
        }

        using var anonymous = factory.CreateClient();
        using (var noOne = await anonymous.PostAsJsonAsync("/api/admin/users", create))
        {
            await IdentityClient.ProblemAsync(noOne, HttpStatusCode.Unauthorized);
        }

        using var admin = IdentityClient.Bearer(factory, await IdentityClient.AdminTokenAsync(factory));
        using (var missing = await admin.GetAsync("/api/admin/users/self.made"))
        {
            await IdentityClient.ProblemAsync(missing, HttpStatusCode.NotFound);
        }

        var handler = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users/plain.handler");
        Assert.Equal("handlingDepartment", handler.GetProperty("role").GetString());
        Assert.NotEmpty(await IdentityClient.TokenAsync(factory, IdentityServers.Admin, IdentityServers.AdminPassword));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AccountApi_Administrator_CreatesChangesAndLogsWhoDidWhat(string provider)
    {
        var factory = await servers.GetAsync(provider);
        using var admin = IdentityClient.Bearer(factory, await IdentityClient.AdminTokenAsync(factory));

        using (var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "Li.Na", displayName = "李娜", role = "procuratorate", department = "procuratorate", jurisdiction = "nantong", password = Password }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var view = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("li.na", view.GetProperty("userName").GetString());
            Assert.True(view.GetProperty("mustChangePassword").GetBoolean());
            Assert.False(view.TryGetProperty("passwordHash", out _));
        }

        using (var again = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "li.na", role = "procuratorate", password = Password }))
        {
            await IdentityClient.ProblemAsync(again, HttpStatusCode.Conflict);
        }

        using (var moved = await admin.PatchAsJsonAsync("/api/admin/users/li.na", new { jurisdiction = "chongchuan" }))
        {
            Assert.Equal("chongchuan", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jurisdiction").GetString());
        }

        using (var unknownRole = await admin.PatchAsJsonAsync("/api/admin/users/li.na", new { role = "emperor" }))
        {
            Assert.True((await IdentityClient.ProblemAsync(unknownRole, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("role", out _));
        }

        var changes = await IdentityClient.SecurityEventsAsync(factory, "account.changed");
        var change = Assert.Single(changes, e => e.GetProperty("target").GetString() == "li.na");
        Assert.Equal(IdentityServers.Admin, change.GetProperty("actor").GetString());
        Assert.Contains("jurisdiction nantong → chongchuan", change.GetProperty("detail").GetString());
        Assert.Contains(await IdentityClient.SecurityEventsAsync(factory, "account.created"), e => e.GetProperty("target").GetString() == "li.na");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateAccount_PasswordRules_400WithEveryBrokenRule(string provider)
    {
        var factory = await servers.GetAsync(provider);
        using var admin = IdentityClient.Bearer(factory, await IdentityClient.AdminTokenAsync(factory));

        foreach (var (password, rule) in new[] { ("Short-1", "at least 12"), ("rule.tester.x", "user name"), ("Password1234", "too common") })
        {
            var userName = password == "rule.tester.x" ? "rule.tester.x" : "rule.tester";
            using var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName, role = "auditor", password });
            var problem = await IdentityClient.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(problem.GetProperty("errors").GetProperty("password").EnumerateArray(), m => m.GetString()!.Contains(rule, StringComparison.Ordinal));
        }

        using var missing = await admin.GetAsync("/api/admin/users/rule.tester");
        await IdentityClient.ProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SecurityEvents_AuditorReads_OthersAre403(string provider)
    {
        var factory = await servers.GetAsync(provider);
        using var auditor = IdentityClient.Key(factory, IdentityServers.AuditorKey);
        using var handler = IdentityClient.Key(factory, CaseClient.LawEnforcement);

        using var read = await auditor.GetAsync("/api/admin/security-events");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var refused = await handler.GetAsync("/api/admin/security-events");
        await IdentityClient.ProblemAsync(refused, HttpStatusCode.Forbidden);
    }
}
