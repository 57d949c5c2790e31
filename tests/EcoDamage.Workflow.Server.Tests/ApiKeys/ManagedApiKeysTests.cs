using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Inbound;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookRequests;

namespace EcoDamage.Workflow.Server.Tests.ApiKeys;

/// <summary>
/// Issue 13, Identity: API keys managed over the API by an administrator, stored hashed, shown once, with expiry,
/// rotation (two secrets valid during a change-over) and revocation; a refused key changes nothing.
/// </summary>
public sealed class ManagedApiKeysTests(HookServers servers) : IClassFixture<HookServers>
{
    private async Task<KeyAdmin> AdminAsync(string provider) => new(await servers.GetAsync(provider));

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Create_KeyShownOnceWorksAndIsNeverListed(string provider)
    {
        var admin = await AdminAsync(provider);
        var (key, id) = await admin.CreateAsync(system: "key-created-system");
        var marker = "created-" + Guid.NewGuid().ToString("N");

        Assert.StartsWith($"edk_{id}_", key, StringComparison.Ordinal);
        var secret = key[$"edk_{id}_".Length..];
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(key, marker));
        var me = await admin.Server.Api.As(key).GetFromJsonAsync<JsonElement>("/api/whoami");
        Assert.Equal("key-created-system", me.GetProperty("id").GetString());
        Assert.Equal("ecologyBureau", me.GetProperty("department").GetString());
        var list = await admin.Administrator.GetStringAsync("/api/admin/api-keys");
        var one = await admin.Administrator.GetStringAsync($"/api/admin/api-keys/{id}");
        var events = await admin.Administrator.GetFromJsonAsync<JsonElement>($"/api/admin/api-keys/{id}/events");
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, one, StringComparison.Ordinal);
        Assert.Equal("active", JsonDocument.Parse(one).RootElement.GetProperty("status").GetString());
        var created = Assert.Single(events.EnumerateArray());
        Assert.Equal("created", created.GetProperty("action").GetString());
        Assert.Equal("admin-console", created.GetProperty("actor").GetString());
        Assert.DoesNotContain(secret, events.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Expired_Refused401AndNothingChanged(string provider)
    {
        var admin = await AdminAsync(provider);
        var (key, id) = await admin.CreateAsync(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(key, "warm-" + Guid.NewGuid().ToString("N")));

        admin.Server.Factory.Clock.Advance(TimeSpan.FromHours(1));
        var marker = "expired-" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.Unauthorized, await admin.RegisterClueAsync(key, marker));
        Assert.Equal(0, await admin.CluesAsync(marker));
        Assert.Equal("expired", (await admin.Administrator.GetFromJsonAsync<JsonElement>($"/api/admin/api-keys/{id}")).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Revoked_RefusedAtOnceAndNothingChanged(string provider)
    {
        var admin = await AdminAsync(provider);
        var (key, id) = await admin.CreateAsync();
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(key, "warm-" + Guid.NewGuid().ToString("N"))); // now cached

        using var revoke = await admin.Administrator.PostAsync($"/api/admin/api-keys/{id}/revoke", null);
        var marker = "revoked-" + Guid.NewGuid().ToString("N");

        Assert.Equal("revoked", (await Body(revoke, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, await admin.RegisterClueAsync(key, marker));
        Assert.Equal(0, await admin.CluesAsync(marker));
        var events = await admin.Administrator.GetFromJsonAsync<JsonElement>($"/api/admin/api-keys/{id}/events");
        Assert.Equal(["created", "revoked"], events.EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Rotated_BothWorkDuringOverlap_OldRefusedAfterAndNothingChanged(string provider)
    {
        var admin = await AdminAsync(provider);
        var (old, id) = await admin.CreateAsync();
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(old, "warm-" + Guid.NewGuid().ToString("N")));

        using var rotate = await admin.Administrator.PostAsJsonAsync($"/api/admin/api-keys/{id}/rotate", new { });
        var rotated = await Body(rotate, HttpStatusCode.OK);
        var fresh = rotated.GetProperty("key").GetString()!;

        Assert.NotEqual(old, fresh);
        Assert.StartsWith($"edk_{id}_", fresh, StringComparison.Ordinal);
        Assert.Equal(admin.Now.AddHours(24), rotated.GetProperty("apiKey").GetProperty("previousSecretValidUntil").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(old, "overlap-old-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(fresh, "overlap-new-" + Guid.NewGuid().ToString("N")));

        admin.Server.Factory.Clock.Advance(TimeSpan.FromHours(24));
        var marker = "rotated-out-" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.Unauthorized, await admin.RegisterClueAsync(old, marker));
        Assert.Equal(0, await admin.CluesAsync(marker));
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(fresh, "after-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task Rotate_OverlapEndingNow_OldRefusedAtOnce()
    {
        var admin = await AdminAsync("Sqlite");
        var (old, id) = await admin.CreateAsync();
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(old, "warm-" + Guid.NewGuid().ToString("N")));

        using var rotate = await admin.Administrator.PostAsJsonAsync($"/api/admin/api-keys/{id}/rotate", new { previousValidUntil = admin.Now });
        var fresh = (await Body(rotate, HttpStatusCode.OK)).GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, await admin.RegisterClueAsync(old, "old-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(fresh, "new-" + Guid.NewGuid().ToString("N")));
    }

    /// <summary>Who calls and how: every management call by a non-administrator.</summary>
    public static TheoryData<string, string> NotAdministrators => new()
    {
        { CaseClient.LawEnforcement, "handling department" },
        { CaseClient.Procuratorate, "procuratorate" },
        { CaseClient.Obligor, "obligor" },
    };

    [Theory]
    [MemberData(nameof(NotAdministrators))]
    public async Task Manage_NotAdministrator_403AndNothingChanged(string callerKey, string name)
    {
        var admin = await AdminAsync("Sqlite");
        var (key, id) = await admin.CreateAsync();
        var before = (await admin.ListAsync()).GetRawText();
        var caller = admin.Server.Api.As(callerKey);

        using var create = await caller.PostAsJsonAsync("/api/admin/api-keys", KeyAdmin.Request("intruder", admin.Now.AddDays(1)));
        using var list = await caller.GetAsync("/api/admin/api-keys");
        using var rotate = await caller.PostAsJsonAsync($"/api/admin/api-keys/{id}/rotate", new { });
        using var revoke = await caller.PostAsync($"/api/admin/api-keys/{id}/revoke", null);
        using var events = await caller.GetAsync($"/api/admin/api-keys/{id}/events");

        foreach (var response in new[] { create, list, rotate, revoke, events })
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name}: {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, (await admin.ListAsync()).GetRawText());
        Assert.Equal(HttpStatusCode.Created, await admin.RegisterClueAsync(key, "still-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task Manage_Anonymous_401()
    {
        var admin = await AdminAsync("Sqlite");
        using var response = await admin.Server.Api.As(null).GetAsync("/api/admin/api-keys");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Name, the request's deviation, the field the 400 names.</summary>
    public static TheoryData<string, string> BadRequests => new()
    {
        { "undeclared role", "role" },
        { "system role", "role" },
        { "unknown department", "department" },
        { "unknown jurisdiction", "jurisdiction" },
        { "department-scoped role without department", "department" },
        { "expiry in the past", "expiresAt" },
        { "expiry too far", "expiresAt" },
        { "no name", "name" },
        { "control character in system", "system" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Create_DoesNotFit_400NamingTheFieldAndNoKey(string name, string field)
    {
        var admin = await AdminAsync("Sqlite");
        var now = admin.Now;
        object request = name switch
        {
            "undeclared role" => KeyAdmin.Request("s", now.AddDays(1), role: "ghost"),
            "system role" => KeyAdmin.Request("s", now.AddDays(1), role: "system"),
            "unknown department" => KeyAdmin.Request("s", now.AddDays(1), department: "noSuchBureau"),
            "unknown jurisdiction" => KeyAdmin.Request("s", now.AddDays(1), jurisdiction: "atlantis"),
            "department-scoped role without department" => KeyAdmin.Request("s", now.AddDays(1), department: null),
            "expiry in the past" => KeyAdmin.Request("s", now.AddMinutes(-1)),
            "expiry too far" => KeyAdmin.Request("s", now.AddYears(5)),
            "no name" => new { system = "s", role = "court", jurisdiction = "nantong", expiresAt = now.AddDays(1) },
            _ => KeyAdmin.Request("s\u0000x", now.AddDays(1)),
        };
        var before = (await admin.ListAsync()).GetArrayLength();

        using var response = await admin.Administrator.PostAsJsonAsync("/api/admin/api-keys", request);

        var problem = await Body(response, HttpStatusCode.BadRequest);
        // The request guard names a control character by its JSON path ($.system); the key validator names the field.
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _) || errors.TryGetProperty("$." + field, out _), $"{name}: {problem}");
        Assert.Equal(before, (await admin.ListAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Manage_UnknownKey_404()
    {
        var admin = await AdminAsync("Sqlite");
        using var read = await admin.Administrator.GetAsync("/api/admin/api-keys/0123456789abcdef");
        using var rotate = await admin.Administrator.PostAsJsonAsync("/api/admin/api-keys/0123456789abcdef/rotate", new { });
        using var revoke = await admin.Administrator.PostAsync("/api/admin/api-keys/0123456789abcdef/revoke", null);

        await Body(read, HttpStatusCode.NotFound);
        await Body(rotate, HttpStatusCode.NotFound);
        await Body(revoke, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ManagedForm_WrongSecretOrUnknownId_401()
    {
        var admin = await AdminAsync("Sqlite");
        var (key, id) = await admin.CreateAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await admin.RegisterClueAsync(key[..^2] + (key[^2] == 'A' ? "BB" : "AA"), "wrong-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(HttpStatusCode.Unauthorized, await admin.RegisterClueAsync(key.Replace(id, "0000000000000000", StringComparison.Ordinal), "unknown-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task ConfiguredKeyHash_Accepted()
    {
        var admin = await AdminAsync("Sqlite");
        var me = await admin.Server.Api.As(HookServer.HashedKey).GetFromJsonAsync<JsonElement>("/api/whoami");

        Assert.Equal("hashed-key-system", me.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ConfiguredKey_UndeclaredRole_403ByTheCallerGate()
    {
        var admin = await AdminAsync("Sqlite");
        using var response = await admin.Server.Api.As(HookServer.UndeclaredRoleKey).GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
