using System.Collections.Concurrent;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>
/// A class fixture: one host per provider, each on a fresh database (a new SQLite file, or a uniquely named
/// PostgreSQL database created here and dropped when the test class ends).
/// </summary>
public sealed class CaseServers : IAsyncLifetime
{
    /// <summary>Monday 2026-03-02 10:00 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, Lazy<Task<ServerFactory>>> _servers = new();
    private readonly ConcurrentBag<string> _databases = [];

    public Task<ServerFactory> GetAsync(string provider) =>
        _servers.GetOrAdd(provider, p => new Lazy<Task<ServerFactory>>(() => CreateAsync(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values.Where(l => l.IsValueCreated))
        {
            await (await server.Value).DisposeAsync();
        }

        await CaseDatabases.DropAllAsync(_databases);
    }

    private async Task<ServerFactory> CreateAsync(string provider)
    {
        var factory = new ServerFactory();
        factory.Clock.SetUtcNow(Monday);
        if (provider == "PostgreSql")
        {
            var admin = CaseDatabases.PostgresServer ?? throw new InvalidOperationException($"{CaseDatabases.PostgresVariable} is not set");
            var name = "ecodamage_s_" + Guid.NewGuid().ToString("N");
            await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
            _databases.Add(name);
            factory.Settings["Storage:Provider"] = "PostgreSql";
            factory.Settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        }

        // Roles the embedding systems of appsettings.Testing.json do not cover, for a claim's full course.
        AddKey(factory, "appraiser", "appraisalInstitution");
        AddKey(factory, "obligor", "obligor");
        AddKey(factory, "evaluator", "evaluator");
        AddKey(factory, "rightsHolder", "rightsHolder");
        // Obligors acting as parties a case names (issue 13: a party-scoped key names its party; X-Party cannot widen it).
        AddKey(factory, "obligor-acme", "obligor", "acme");
        AddKey(factory, "obligor-beta", "obligor", "beta");
        AddKey(factory, "obligor-gamma", "obligor", "gamma");
        _ = factory.Server; // start: migrations run before the first request
        return factory;
    }

    private static void AddKey(ServerFactory factory, string name, string role, string? party = null)
    {
        factory.Settings[$"Security:ApiKeys:{name}:Key"] = $"test-{name}-key";
        factory.Settings[$"Security:ApiKeys:{name}:System"] = $"{name}-system";
        factory.Settings[$"Security:ApiKeys:{name}:Role"] = role;
        // Issue 13: the rights holder acts for the city (a jurisdiction scope); the party-scoped systems act as their
        // account, which a case grants once it records them as participants (CaseClient.GrantPartiesAsync).
        factory.Settings[$"Security:ApiKeys:{name}:Jurisdiction"] = "nantong";
        factory.Settings[$"Security:ApiKeys:{name}:Party"] = party ?? name;
    }
}
