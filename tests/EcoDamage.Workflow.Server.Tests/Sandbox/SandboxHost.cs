using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Sandbox;

/// <summary>
/// A host in sandbox mode (<c>Clock:Mode=Virtual</c>, its own virtual clock, no fake) on a fresh SQLite file or PostgreSQL
/// database, its virtual clock starting at <see cref="CaseServers.Monday"/> (2026-03-02 10:00 in Beijing).
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public const string Administrator = "dev-administrator-key";

    private string? _database;

    private SandboxHost(ServerFactory factory) => Factory = factory;

    public ServerFactory Factory { get; }

    public CaseClient Api => new(Factory);

    /// <summary>Starts the host; <paramref name="quartz"/> also runs the Quartz sweep job (in-memory job store) beside the endpoint's sweep.</summary>
    public static async Task<SandboxHost> StartAsync(string provider, bool quartz = false)
    {
        var factory = new ServerFactory { FakeClock = false };
        var host = new SandboxHost(factory);
        factory.Settings["Clock:Mode"] = "Virtual";
        factory.Settings["Clock:Start"] = "2026-03-02T10:00:00+08:00";
        factory.Settings["Deadlines:Enabled"] = quartz ? "true" : "false";
        factory.Settings["Deadlines:JobStore"] = "Memory";
        if (provider == "PostgreSql")
        {
            var admin = CaseDatabases.PostgresServer ?? throw new InvalidOperationException($"{CaseDatabases.PostgresVariable} is not set");
            host._database = "ecodamage_sb_" + Guid.NewGuid().ToString("N");
            await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {host._database}");
            factory.Settings["Storage:Provider"] = "PostgreSql";
            factory.Settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = host._database, MaxPoolSize = 20 }.ConnectionString;
        }

        _ = factory.Server;
        return host;
    }

    /// <summary>Posts <paramref name="body"/> to <c>POST /api/sandbox/clock</c> as <paramref name="key"/>.</summary>
    public async Task<HttpResponseMessage> MoveAsync(object body, string? key = Administrator)
    {
        using var client = Api.As(key);
        return await client.PostAsJsonAsync("/api/sandbox/clock", body);
    }

    /// <summary>Posts a move that must succeed and returns its answer.</summary>
    public async Task<JsonElement> MovedAsync(object body)
    {
        using var response = await MoveAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await CaseDatabases.DropAllAsync([_database]);
        }
    }
}
