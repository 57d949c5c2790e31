using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Deadlines;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>The sweeper on a real SQLite file, time moved by the fake clock (the Quartz path is in <see cref="DeadlineRestartTests"/>).</summary>
public sealed class DeadlineSweepTests
{
    [Fact]
    public async Task PreliminaryCheck_30Days_RemindedAtEndOfDays23And29_EscalatedToTheProcuratorateOnDay31_Once()
    {
        using var host = new DeadlineHost();
        var id = await host.PreliminaryCheckAsync(); // Monday 2026-03-02 10:00: day 1 of the period is 03-03, day 30 is 04-01

        // Day 23 ends at 03-26 00:00 (7 days before due), day 29 at 04-01 00:00, due at 04-02 00:00 (day 31 begins).
        var events = new List<(DateTimeOffset At, DeadlineTickSummary Summary)>();
        for (var at = DeadlineHost.At(2026, 3, 3); at <= DeadlineHost.At(2026, 4, 5); at = at.AddHours(6))
        {
            var summary = await host.SweepAtAsync(at);
            if (summary.Cases > 0)
            {
                events.Add((at, summary));
            }
        }

        Assert.Equal(
            [(DeadlineHost.At(2026, 3, 26), 1, 0), (DeadlineHost.At(2026, 4, 1), 1, 0), (DeadlineHost.At(2026, 4, 2), 0, 1)],
            events.Select(e => (e.At, e.Summary.Reminders, e.Summary.Escalations)));
        var audit = await host.DeadlineAuditAsync(id);
        Assert.Equal([DeadlineAuditKinds.Reminder, DeadlineAuditKinds.Reminder, DeadlineAuditKinds.Escalated], audit.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(["7d", "1d"], audit.Take(2).Select(e => e.GetProperty("dataDiff").GetProperty("offset").GetString()));
        var escalation = audit[2].GetProperty("dataDiff");
        Assert.Equal("procuratorate", escalation.GetProperty("escalatedTo").GetString());
        Assert.Contains("30日内完成初步核查", escalation.GetProperty("basis").GetProperty("zh").GetString());
        Assert.False(escalation.GetProperty("late").GetBoolean());
        Assert.Equal("Overdue", (await host.DeadlineAsync(id, "preliminaryCheck")).GetProperty("status").GetString());
        Assert.Contains("procuratorate", (await host.Api.GetAsync(id)).GetProperty("supervision").EnumerateArray().Select(s => s.GetString())); // R9
        Assert.True((await host.Api.VerifyAsync(id)).GetProperty("intact").GetBoolean());

        var feed = await host.Api.As(Procuratorate).GetFromJsonAsync<JsonElement>("/api/deadlines/escalations");
        var item = Assert.Single(feed.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("caseId").GetString());
        Assert.Equal("claim/preliminaryCheck#1", item.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task Sweep_AfterTheDueInstant_FiresEverythingMissedOnceMarkedLate()
    {
        using var host = new DeadlineHost();
        var id = await host.PreliminaryCheckAsync();

        var first = await host.SweepAtAsync(DeadlineHost.At(2026, 4, 5, 12));
        var again = await host.SweepAtAsync(DeadlineHost.At(2026, 4, 6));

        Assert.Equal((2, 1), (first.Reminders, first.Escalations));
        Assert.Equal(0, again.Cases);
        var escalation = (await host.DeadlineAuditAsync(id)).Single(e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Escalated).GetProperty("dataDiff");
        Assert.True(escalation.GetProperty("late").GetBoolean());
        Assert.Equal((long)TimeSpan.FromHours(84).TotalMilliseconds, escalation.GetProperty("latenessMs").GetInt64());
    }

    [Fact]
    public async Task Sweep_SeveralEventsOfOneCaseInOneInstant_OutboxIdsFollowTheOrderTheyWereWritten()
    {
        // The fake clock stands still during the sweep, so every id shares one millisecond: the relay and the webhook
        // deliveries order a case's events by id, which must then still be the order of the events.
        using var host = new DeadlineHost();
        var id = await host.PreliminaryCheckAsync();

        var summary = await host.SweepAtAsync(DeadlineHost.At(2026, 4, 5, 12));

        Assert.Equal((2, 1), (summary.Reminders, summary.Escalations));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.Factory.DataFolder, "ecodamage.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Type" FROM "Outbox" WHERE "CaseId" = $id AND "Type" IN ('case.deadlineReminder', 'case.deadlineOverdue', 'case.escalated') ORDER BY "Id" """;
        command.Parameters.AddWithValue("$id", id);
        var types = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                types.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["case.deadlineReminder", "case.deadlineReminder", "case.deadlineOverdue", "case.escalated"], types);
    }

    [Fact]
    public async Task Sweep_OneCaseUnreadable_TheOthersAreStillHandled()
    {
        using var host = new DeadlineHost();
        var damaged = await host.PreliminaryCheckAsync();
        var healthy = await host.PreliminaryCheckAsync();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(host.Factory.DataFolder, "ecodamage.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE \"Cases\" SET \"Snapshot\" = '{\"damaged\":', \"Version\" = \"Version\" + 1 WHERE \"Id\" = $id";
            command.Parameters.AddWithValue("$id", damaged);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var summary = await host.SweepAtAsync(DeadlineHost.At(2026, 4, 3));

        Assert.Equal(1, summary.Escalations);
        Assert.Equal(damaged, Assert.Single(summary.Failures).CaseId);
        Assert.Single(await host.DeadlineAuditAsync(healthy), e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Escalated);
    }

    [Fact]
    public async Task Deadline_ClosedByATransition_NeverFires()
    {
        using var host = new DeadlineHost();
        var id = await host.PreliminaryCheckAsync();
        await host.Api.AttachAsync(id, "preliminaryCheckReport", "caseOpeningDecision");
        await host.Api.FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });

        var summary = await host.SweepAtAsync(DeadlineHost.At(2026, 5, 1));

        Assert.Equal(0, summary.Cases);
        Assert.Empty(await host.DeadlineAuditAsync(id));
    }

    [Fact]
    public async Task Extension_RequestedAndApproved_MovesTheDueInstantAndReminders()
    {
        using var host = new DeadlineHost();
        var id = await host.PreliminaryCheckAsync();
        const string deadline = "claim/preliminaryCheck#1";

        using var requested = await host.RequestExtensionAsync(LawEnforcement, id, new { deadline, period = "15d", reason = "需补充现场勘查" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        using var self = await host.ApproveExtensionAsync(LawEnforcement, id, deadline);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode); // not by the requester, nor by a role that does not approve
        using var approved = await host.ApproveExtensionAsync(DeadlineHost.RightsHolder, id, deadline);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var moved = await host.DeadlineAsync(id, "preliminaryCheck");
        Assert.Equal("2026-04-16", moved.GetProperty("lastDay").GetString());
        Assert.Equal(DeadlineHost.At(2026, 4, 17), moved.GetProperty("due").GetDateTimeOffset());
        Assert.Equal(0, (await host.SweepAtAsync(DeadlineHost.At(2026, 4, 5))).Escalations);
        var late = await host.SweepAtAsync(DeadlineHost.At(2026, 4, 17, 1));
        Assert.Equal(1, late.Escalations);
        var audit = (await host.Api.AuditAsync(id)).EnumerateArray().ToArray();
        var request = audit.Single(e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.ExtensionRequested);
        var extension = audit.Single(e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Extended);
        Assert.Equal("需补充现场勘查", request.GetProperty("dataDiff").GetProperty("reason").GetString());
        Assert.Equal("law-enforcement-system", extension.GetProperty("dataDiff").GetProperty("requestedBy").GetString());
        Assert.Equal("city-government", extension.GetProperty("actorId").GetString());
        Assert.Equal("2026-04-16", extension.GetProperty("dataDiff").GetProperty("lastDay").GetProperty("to").GetString());
    }
}
