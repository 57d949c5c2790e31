using System.Collections.Concurrent;
using EcoDamage.Workflow.Server.Tests.Cases;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Inbound;

/// <summary>A class fixture: one <see cref="HookServer"/> per provider (a new SQLite file, or a fresh PostgreSQL database dropped afterwards).</summary>
public sealed class HookServers : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HookServer>>> _servers = new();
    private readonly ConcurrentBag<string> _databases = [];

    public Task<HookServer> GetAsync(string provider = "Sqlite") =>
        _servers.GetOrAdd(provider, p => new Lazy<Task<HookServer>>(() => CreateAsync(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values.Where(l => l.IsValueCreated))
        {
            (await server.Value).Dispose();
        }

        await CaseDatabases.DropAllAsync(_databases);
    }

    private async Task<HookServer> CreateAsync(string provider)
    {
        if (provider != "PostgreSql")
        {
            return new HookServer();
        }

        var admin = CaseDatabases.PostgresServer ?? throw new InvalidOperationException($"{CaseDatabases.PostgresVariable} is not set");
        var name = "ecodamage_h_" + Guid.NewGuid().ToString("N");
        await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
        _databases.Add(name);
        return new HookServer(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }
}
