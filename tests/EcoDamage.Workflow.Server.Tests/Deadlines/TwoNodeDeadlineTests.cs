using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Scheduling.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using EcoDamage.Workflow.Server.Tests.Cases;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>Two nodes (two hosts, clustered Quartz) on one PostgreSQL database sharing deadlines that come due together.</summary>
public sealed class TwoNodeDeadlineTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cases = 1000;
    private readonly string _database = "ecodamage_dl_" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        if (CaseDatabases.PostgresServer is { } admin)
        {
            await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {_database}");
        }
    }

    public Task DisposeAsync() => CaseDatabases.DropAllAsync([_database]);

    [SkippableFact]
    public async Task TwoNodes_1000DeadlinesDueTogether_EachEscalatedExactlyOnce_NoneLost()
    {
        Skip.If(CaseDatabases.PostgresServer is null, $"{CaseDatabases.PostgresVariable} is not set");
        var connection = new NpgsqlConnectionStringBuilder(CaseDatabases.PostgresServer) { Database = _database, MaxPoolSize = 50 }.ConnectionString;
        using var a = Node("node-a", connection);
        using var b = Node("node-b", connection);
        _ = a.Factory.Server; // migrations first, then the second node joins
        _ = b.Factory.Server;

        var ids = new string[Cases];
        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ids[i] = await (i % 2 == 0 ? a : b).PreliminaryCheckAsync());

        // Every preliminary check falls due at 2026-04-02 00:00 Shanghai; both nodes' clocks pass it.
        var after = DeadlineHost.At(2026, 4, 2, 1);
        a.Factory.Clock.SetUtcNow(after);
        b.Factory.Clock.SetUtcNow(after);
        long escalated = 0;
        for (var i = 0; i < 300 && escalated < Cases; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            a.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            b.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            escalated = await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Kind\" = '{DeadlineAuditKinds.Escalated}'");
        }

        // Let both nodes sweep a few more times: nothing is written twice.
        for (var i = 0; i < 5; i++)
        {
            a.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            b.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        Assert.Equal(Cases, await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Kind\" = '{DeadlineAuditKinds.Escalated}'"));
        Assert.Equal(Cases, await ScalarAsync(connection, $"SELECT COUNT(DISTINCT \"CaseId\") FROM \"AuditEvents\" WHERE \"Kind\" = '{DeadlineAuditKinds.Escalated}'"));
        Assert.Equal(2 * Cases, await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Kind\" = '{DeadlineAuditKinds.Reminder}'"));
        Assert.Equal(Cases, await ScalarAsync(connection, "SELECT COUNT(*) FROM \"Outbox\" WHERE \"Type\" = 'case.escalated'"));
        Assert.Equal(0, await ScalarAsync(connection, "SELECT COUNT(*) FROM \"Deadlines\" WHERE \"NextEventAt\" IS NOT NULL"));
        // Which node did how much depends on which node Quartz's cluster hands each lane's firing to.
        var byA = a.Factory.Services.GetRequiredService<DeadlineSweeper>().Escalations;
        var byB = b.Factory.Services.GetRequiredService<DeadlineSweeper>().Escalations;
        output.WriteLine($"escalations committed by node a: {byA}, by node b: {byB}");
        Assert.Equal(Cases, byA + byB);
        Assert.True((await a.Api.VerifyAsync(ids[0])).GetProperty("intact").GetBoolean());
        Assert.True((await b.Api.VerifyAsync(ids[^1])).GetProperty("intact").GetBoolean());
    }

    private static DeadlineHost Node(string instanceId, string connection) =>
        new(quartz: true, settings: new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = connection,
            ["Deadlines:Lanes"] = "2",
            ["Deadlines:BatchSize"] = "100",
            ["Deadlines:InstanceId"] = instanceId,
        });

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
