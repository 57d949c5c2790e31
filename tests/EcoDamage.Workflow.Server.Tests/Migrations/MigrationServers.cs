using System.Collections.Concurrent;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.TestUtils;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Migrations;

/// <summary>
/// A class fixture: one host per provider on a fresh database and on a catalog holding claim 2.0.0 and 2.1.0
/// (<see cref="ClaimVersions"/>), its clock at Monday 2026-03-02 10:00 in Asia/Shanghai.
/// </summary>
public sealed class MigrationServers : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ServerFactory>>> _servers = new();
    private readonly ConcurrentBag<string> _databases = [];
    private readonly string _catalog = ClaimVersions.CreateFolder();

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
        Directory.Delete(_catalog, recursive: true);
    }

    private async Task<ServerFactory> CreateAsync(string provider)
    {
        var factory = new ServerFactory { WorkflowsDirectory = _catalog };
        factory.Clock.SetUtcNow(CaseServers.Monday);
        if (provider == "PostgreSql")
        {
            var admin = CaseDatabases.PostgresServer ?? throw new InvalidOperationException($"{CaseDatabases.PostgresVariable} is not set");
            var name = "ecodamage_m_" + Guid.NewGuid().ToString("N");
            await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
            _databases.Add(name);
            factory.Settings["Storage:Provider"] = "PostgreSql";
            factory.Settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        }

        _ = factory.Server; // start: migrations run before the first request
        return factory;
    }
}
