using System.Collections.Concurrent;
using EcoDamage.Workflow.Server.Tests.Cases;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>
/// A class fixture: one host per provider on a fresh database, with an API key for every caller of the matrix
/// (<see cref="MatrixRoles.Callers"/>) besides the keys of <c>appsettings.Testing.json</c>.
/// </summary>
public sealed class AccessServers : IAsyncLifetime
{
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

    /// <summary>Adds an API key <paramref name="key"/> for a caller in <paramref name="role"/>.</summary>
    public static void AddKey(ServerFactory factory, string key, string role, string? department, string? jurisdiction, string? party = null)
    {
        var name = key.Replace(':', '-');
        factory.Settings[$"Security:ApiKeys:{name}:Key"] = key;
        factory.Settings[$"Security:ApiKeys:{name}:System"] = $"{name}-system";
        factory.Settings[$"Security:ApiKeys:{name}:Role"] = role;
        Set("Department", department);
        Set("Jurisdiction", jurisdiction);
        Set("Party", party);

        void Set(string setting, string? value)
        {
            if (value is not null)
            {
                factory.Settings[$"Security:ApiKeys:{name}:{setting}"] = value;
            }
        }
    }

    private async Task<ServerFactory> CreateAsync(string provider)
    {
        var factory = new ServerFactory();
        factory.Clock.SetUtcNow(CaseServers.Monday);
        factory.Settings["Webhooks:AllowPrivateTargets"] = "true"; // the matrix's subscription names a loopback receiver
        factory.Settings["Clock:Mode"] = "Virtual"; // issue 14: maps POST /api/sandbox/clock (the fake clock still replaces the virtual one)
        if (provider == "PostgreSql")
        {
            var admin = CaseDatabases.PostgresServer ?? throw new InvalidOperationException($"{CaseDatabases.PostgresVariable} is not set");
            var name = "ecodamage_a_" + Guid.NewGuid().ToString("N");
            await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
            _databases.Add(name);
            factory.Settings["Storage:Provider"] = "PostgreSql";
            factory.Settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        }

        foreach (var caller in MatrixRoles.Callers)
        {
            AddKey(factory, caller.Key, caller.Role, caller.Department, caller.Jurisdiction, caller.Party);
        }

        foreach (var (key, role, department, jurisdiction, party) in AccessKeys.Named)
        {
            AddKey(factory, key, role, department, jurisdiction, party);
        }

        _ = factory.Server; // start: migrations run before the first request
        return factory;
    }
}
