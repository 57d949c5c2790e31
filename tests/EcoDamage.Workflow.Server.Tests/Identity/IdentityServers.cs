using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Identity;

/// <summary>
/// A class fixture: one host per provider on a fresh database, with cheap Argon2 parameters, a bootstrap administrator
/// (<see cref="Admin"/>) whose forced password change is already done (<see cref="AdminPassword"/>), and an auditor key.
/// </summary>
public sealed class IdentityServers : IAsyncLifetime
{
    public const string Admin = "root.admin";
    public const string BootstrapPassword = "Bootstrap-Pa55-phrase";
    public const string AdminPassword = "Changed-Admin-Pa55-phrase";
    public const string AuditorKey = "test-auditor-key";
    public const string GhostKey = "test-ghost-key";

    private readonly ConcurrentDictionary<string, Lazy<Task<ServerFactory>>> _servers = new();
    private readonly ConcurrentBag<string> _databases = [];

    public Task<ServerFactory> GetAsync(string provider) =>
        _servers.GetOrAdd(provider, p => new Lazy<Task<ServerFactory>>(() => ReadyAsync(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values.Where(l => l.IsValueCreated))
        {
            await (await server.Value).DisposeAsync();
        }

        await CaseDatabases.DropAllAsync(_databases);
    }

    /// <summary>A started host whose bootstrap administrator still has to change its password (the caller disposes it).</summary>
    public async Task<ServerFactory> CreateAsync(string provider)
    {
        var factory = new ServerFactory();
        factory.Clock.SetUtcNow(CaseServers.Monday);
        if (provider == "PostgreSql")
        {
            var admin = CaseDatabases.PostgresServer ?? throw new InvalidOperationException($"{CaseDatabases.PostgresVariable} is not set");
            var name = "ecodamage_i_" + Guid.NewGuid().ToString("N");
            await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
            _databases.Add(name);
            factory.Settings["Storage:Provider"] = "PostgreSql";
            factory.Settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 }.ConnectionString;
        }

        // Cheap hashes for tests; the defaults cost about 50-100 ms each.
        factory.Settings["Security:Accounts:Argon2:MemoryKiB"] = "64";
        factory.Settings["Security:Accounts:Argon2:Iterations"] = "1";
        factory.Settings["Security:Accounts:BootstrapAdministrator:UserName"] = Admin;
        factory.Settings["Security:Accounts:BootstrapAdministrator:Password"] = BootstrapPassword;
        AddKey(factory, "auditor", "auditor", AuditorKey);
        AddKey(factory, "ghost", "ghostRole", GhostKey);
        _ = factory.Server;
        return factory;
    }

    private async Task<ServerFactory> ReadyAsync(string provider)
    {
        var factory = await CreateAsync(provider);
        var token = await IdentityClient.TokenAsync(factory, Admin, BootstrapPassword);
        using var client = IdentityClient.Bearer(factory, token);
        using var response = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = BootstrapPassword, newPassword = AdminPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory;
    }

    private static void AddKey(ServerFactory factory, string name, string role, string key)
    {
        factory.Settings[$"Security:ApiKeys:{name}:Key"] = key;
        factory.Settings[$"Security:ApiKeys:{name}:System"] = $"{name}-system";
        factory.Settings[$"Security:ApiKeys:{name}:Role"] = role;
        factory.Settings[$"Security:ApiKeys:{name}:Jurisdiction"] = "nantong";
    }
}

/// <summary>Calls the identity endpoints.</summary>
public static class IdentityClient
{
    public static HttpClient Bearer(ServerFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient Key(ServerFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(ServerFactory factory, string userName, string password)
    {
        using var client = factory.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
    }

    public static async Task<string> TokenAsync(ServerFactory factory, string userName, string password)
    {
        using var response = await RequestTokenAsync(factory, userName, password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token for {userName}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    public static Task<string> AdminTokenAsync(ServerFactory factory) => TokenAsync(factory, IdentityServers.Admin, IdentityServers.AdminPassword);

    /// <summary>Creates an account as the administrator and changes its initial password to <paramref name="password"/>.</summary>
    public static async Task CreateUserAsync(
        ServerFactory factory, string userName, string password, string role = "handlingDepartment", string? department = "ecologyBureau", string? jurisdiction = "nantong")
    {
        const string initial = "Initial-Pa55-phrase-x";
        using (var admin = Bearer(factory, await AdminTokenAsync(factory)))
        using (var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = "张伟", role, department, jurisdiction, password = initial }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"create {userName}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        using var own = Bearer(factory, await TokenAsync(factory, userName, initial));
        using var changed = await own.PostAsJsonAsync("/api/auth/password", new { currentPassword = initial, newPassword = password });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, $"change {userName}: {(int)changed.StatusCode} {await changed.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement[]> SecurityEventsAsync(ServerFactory factory, string? kind = null)
    {
        using var admin = Bearer(factory, await AdminTokenAsync(factory));
        var url = "/api/admin/security-events?pageSize=200" + (kind is null ? string.Empty : "&kind=" + kind);
        return [.. (await admin.GetFromJsonAsync<JsonElement>(url)).EnumerateArray()];
    }
}
