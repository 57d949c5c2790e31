using System.Text.Json;
using EcoDamage.Workflow.Runtime.Deadlines;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>The Quartz-driven path: a running host's sweep job fires on its own, also after a restart past the due instant.</summary>
public sealed class DeadlineRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ecodamage-deadline-restart", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_StoppedBeforeDueStartedAfter_QuartzFiresTheEscalationOnceMarkedLate()
    {
        Directory.CreateDirectory(_folder);
        var database = $"Data Source={Path.Combine(_folder, "ecodamage.db")};Pooling=False";
        string id;
        using (var before = new DeadlineHost(quartz: true, connectionString: database))
        {
            id = await before.PreliminaryCheckAsync();
            before.Factory.Clock.SetUtcNow(DeadlineHost.At(2026, 3, 20)); // nothing due yet
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Empty(await before.DeadlineAuditAsync(id));
        }

        // Down from 03-20 to 04-03 12:00: both reminders and the escalation (due 04-02 00:00) were missed.
        using var after = new DeadlineHost(quartz: true, connectionString: database);
        after.Factory.Clock.SetUtcNow(DeadlineHost.At(2026, 4, 3, 12));
        _ = after.Factory.Server;
        var audit = await WaitForAsync(after, id, a => a.Any(e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Escalated));

        // More firings of the job, later: nothing more happens.
        for (var i = 0; i < 5; i++)
        {
            after.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        audit = await after.DeadlineAuditAsync(id);
        Assert.Equal([DeadlineAuditKinds.Reminder, DeadlineAuditKinds.Reminder, DeadlineAuditKinds.Escalated], audit.Select(e => e.GetProperty("kind").GetString()));
        var escalation = audit[2].GetProperty("dataDiff");
        Assert.True(escalation.GetProperty("late").GetBoolean());
        Assert.True(escalation.GetProperty("latenessMs").GetInt64() >= (long)TimeSpan.FromHours(36).TotalMilliseconds);
        Assert.True((await after.Api.VerifyAsync(id)).GetProperty("intact").GetBoolean());

        // Quartz kept its jobs in the same SQLite file (AdoJobStore), one trigger per sweep lane.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'deadlines'";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task RunningHost_ClockPassesTheDueInstant_QuartzSweepsWithoutAnyoneCalling()
    {
        Directory.CreateDirectory(_folder);
        using var host = new DeadlineHost(quartz: true, connectionString: $"Data Source={Path.Combine(_folder, "running.db")};Pooling=False");
        var id = await host.PreliminaryCheckAsync();

        host.Factory.Clock.SetUtcNow(DeadlineHost.At(2026, 3, 26, 1));
        var audit = await WaitForAsync(host, id, a => a.Length == 1);

        Assert.Equal("7d", audit[0].GetProperty("dataDiff").GetProperty("offset").GetString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Lets real time pass (the scheduler thread runs) and nudges the fake clock so the repeating trigger comes due again.</summary>
    private static async Task<JsonElement[]> WaitForAsync(DeadlineHost host, string id, Func<JsonElement[], bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            var audit = await host.DeadlineAuditAsync(id);
            if (done(audit))
            {
                return audit;
            }

            host.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException("the sweep job did not fire within 20 seconds");
    }
}
