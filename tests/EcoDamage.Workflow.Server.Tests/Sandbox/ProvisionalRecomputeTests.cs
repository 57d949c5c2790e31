using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Webhooks;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.TestUtils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Sandbox;

/// <summary>
/// Issue 14, "Adding a year to the holiday calendar recomputes the provisional deadlines that fall in it, each recorded":
/// a host whose calendar lacks 2026 (catalog A: <c>workflows/</c> with the 2026 block removed) opens a 20-working-day
/// deadline in December 2025 that runs into 2026 (provisional, plain Monday–Friday weeks); the catalog with 2026 added
/// (catalog B: the shipped calendar, 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04: 元旦 2026-01-01…03 off,
/// Sunday 2026-01-04 a make-up workday) moves it, through <see cref="ProvisionalDeadlineRecomputer"/>.
/// </summary>
public sealed class ProvisionalRecomputeTests : IDisposable
{
    private const string Auditor = "test-recompute-auditor-key";

    private const string Definition = """
        id: wdcheck
        version: 1.0.0
        zh: 工作日核查（测试）
        en: Working-day check (test)
        effective: { from: 2024-01-01 }
        calendar: cn-mainland
        triggers:
          Finish: { zh: 完成, en: Finish, roles: [handlingDepartment] }
        initial: Checking
        states:
          Checking:
            zh: 核查
            en: Checking
            owner: handlingDepartment
            deadlines:
              check:
                zh: 核查期限（20个工作日）
                en: Check period (20 working days)
                period: 20wd
                remind: [5wd]
                overdue:
                  escalate: procuratorate
                  basis: { zh: 测试依据, en: Test basis }
            on:
              Finish: Done
          Done:
            zh: 完成
            en: Done
            terminal: true
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ecodamage-recompute", Guid.NewGuid().ToString("N"));

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task CalendarGainsTheYear_ProvisionalDeadlineMovesToTheOfficialDay_RecordedOnce(string provider)
    {
        var (without, with) = Catalogs();
        string? database = null;
        var factory = new ServerFactory { WorkflowsDirectory = without };
        try
        {
            database = await UseProviderAsync(factory, provider);
            factory.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 15, 10, 0, 0, TimeSpan.FromHours(8))); // Monday
            await StartAsync(factory, "wd-1");
            await StartAsync(factory, "wd-2");
            var api = new CaseClient(factory);

            // Dec 16…31 are working days 1–12; without 2026 the weeks of January are plain: 01-01, 02, 05…09, 12 → the 20th is 01-12.
            var provisional = await DeadlineAsync(api, "wd-1");
            Assert.Equal(("2026-01-12", true), (provisional.GetProperty("lastDay").GetString(), provisional.GetProperty("provisional").GetBoolean()));

            var recomputer = factory.Services.GetRequiredService<ProvisionalDeadlineRecomputer>();
            var administrator = new Actor("administration-console", "administrator");
            var summary = await recomputer.RunAsync(Engine(with), administrator);

            Assert.Equal((2, 2, 2, 0), (summary.Examined, summary.Cases, summary.Deadlines, summary.Conflicts));
            Assert.Empty(summary.Failures);
            // With 2026: 01-01…03 off, Sunday 01-04 works (13th), 01-05…09 (14th–18th), 01-12 (19th), 01-13 (20th).
            var official = await DeadlineAsync(api, "wd-1");
            Assert.Equal(("2026-01-13", false), (official.GetProperty("lastDay").GetString(), official.GetProperty("provisional").GetBoolean()));
            Assert.Equal(new DateTimeOffset(2026, 1, 14, 0, 0, 0, TimeSpan.FromHours(8)), official.GetProperty("due").GetDateTimeOffset());
            var recorded = Assert.Single(await AuditAsync(api, "wd-1"), e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Recomputed);
            Assert.Equal("administration-console", recorded.GetProperty("actorId").GetString());
            var change = Assert.Single(recorded.GetProperty("dataDiff").GetProperty("deadlines").EnumerateArray());
            Assert.Equal("wdcheck/check#1", change.GetProperty("deadline").GetString());
            Assert.Equal("cn-mainland", change.GetProperty("calendar").GetString());
            Assert.Equal(2026, change.GetProperty("year").GetInt32());
            Assert.Equal(("2026-01-12", "2026-01-13"), (change.GetProperty("lastDay").GetProperty("from").GetString(), change.GetProperty("lastDay").GetProperty("to").GetString()));
            Assert.Equal(("2026-01-12T16:00:00Z", "2026-01-13T16:00:00Z"), (change.GetProperty("due").GetProperty("from").GetString(), change.GetProperty("due").GetProperty("to").GetString()));
            Assert.Equal((true, false), (change.GetProperty("provisional").GetProperty("from").GetBoolean(), change.GetProperty("provisional").GetProperty("to").GetBoolean()));
            Assert.True((await api.As(Auditor).GetFromJsonAsync<JsonElement>("/api/cases/wd-1/audit/verify")).GetProperty("intact").GetBoolean());
            Assert.Equal(2, await CountAsync(factory, """SELECT COUNT(*) AS "Value" FROM "Outbox" WHERE "Type" = 'case.deadlineRecomputed'"""));
            Assert.Equal(0, await CountAsync(factory, """SELECT COUNT(*) AS "Value" FROM "Deadlines" WHERE "Provisional" """));

            // The 5-working-day reminder moved with it: 01-07 … 01-13 leave 5 → it is due at the end of 01-06 (01-07 00:00).
            Assert.Equal(new DateTimeOffset(2026, 1, 7, 0, 0, 0, TimeSpan.FromHours(8)), official.GetProperty("reminders")[0].GetProperty("at").GetDateTimeOffset());

            var again = await recomputer.RunAsync(Engine(with), administrator);

            Assert.Equal((0, 0, 0), (again.Examined, again.Cases, again.Deadlines));
            Assert.Single(await AuditAsync(api, "wd-1"), e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Recomputed);
            Assert.Equal(2, await CountAsync(factory, """SELECT COUNT(*) AS "Value" FROM "Outbox" WHERE "Type" = 'case.deadlineRecomputed'"""));
        }
        finally
        {
            await factory.DisposeAsync();
            if (database is not null)
            {
                await CaseDatabases.DropAllAsync([database]);
            }
        }
    }

    /// <summary>
    /// The same through the administration API: the calendar with 2026 published as the next revision of
    /// <c>calendars/cn-mainland.yaml</c> puts it in force and settles the provisional deadline in the background.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task CalendarPublishedThroughTheApi_ProvisionalDeadlineSettled(string provider)
    {
        var (without, with) = Catalogs();
        string? database = null;
        var factory = new ServerFactory { WorkflowsDirectory = without };
        try
        {
            database = await UseProviderAsync(factory, provider);
            factory.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 15, 10, 0, 0, TimeSpan.FromHours(8))); // Monday
            await StartAsync(factory, "wd-1");
            var api = new CaseClient(factory);
            Assert.True((await DeadlineAsync(api, "wd-1")).GetProperty("provisional").GetBoolean());
            var admin = new Administration.AdminClient(factory);
            var calendar = File.ReadAllText(Path.Combine(with, "calendars", "cn-mainland.yaml"));
            var (draft, etag, _) = await admin.CreateDraftAsync(new { basedOn = "calendars/cn-mainland.yaml" });
            using (var saved = await admin.SaveAsync(draft, calendar, etag))
            {
                Assert.True((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
            }

            using var published = await admin.PublishAsync(draft, "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)");

            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
            Assert.Equal("calendars/cn-mainland.yaml#2", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subject").GetString());
            await HookHosts.WaitUntilAsync(async () => !(await DeadlineAsync(api, "wd-1")).GetProperty("provisional").GetBoolean(), "the recomputation");
            Assert.Equal("2026-01-13", (await DeadlineAsync(api, "wd-1")).GetProperty("lastDay").GetString());
            var recorded = Assert.Single(await AuditAsync(api, "wd-1"), e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Recomputed);
            Assert.Equal("administration-console", recorded.GetProperty("actorId").GetString());
            Assert.Equal(calendar, await admin.Http.GetStringAsync("/api/catalog/documents/calendars/cn-mainland.yaml"));
            Assert.Equal(1, await CountAsync(factory, """SELECT COUNT(*) AS "Value" FROM "Outbox" WHERE "Name" = 'catalog.documentPublished'"""));
        }
        finally
        {
            await factory.DisposeAsync();
            if (database is not null)
            {
                await CaseDatabases.DropAllAsync([database]);
            }
        }
    }

    /// <summary>Without a newer calendar nothing moves: the deadline stays provisional and nothing is written.</summary>
    [Fact]
    public async Task SameCalendar_NothingMoves_NothingWritten()
    {
        var (without, _) = Catalogs();
        await using var factory = new ServerFactory { WorkflowsDirectory = without };
        AddAuditor(factory);
        factory.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 15, 10, 0, 0, TimeSpan.FromHours(8)));
        await StartAsync(factory, "wd-1");

        var summary = await factory.Services.GetRequiredService<ProvisionalDeadlineRecomputer>().RunAsync(Engine(without), new Actor("administration-console", "administrator"));

        Assert.Equal((1, 0, 0), (summary.Examined, summary.Cases, summary.Deadlines));
        Assert.DoesNotContain(await AuditAsync(new CaseClient(factory), "wd-1"), e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Recomputed);
        Assert.Equal(1, await CountAsync(factory, """SELECT COUNT(*) AS "Value" FROM "Deadlines" WHERE "Provisional" """));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Catalog A (the calendar without its 2026 block) and catalog B (as shipped), both with the working-day definition.</summary>
    private (string Without, string With) Catalogs()
    {
        var with = Path.Combine(_folder, "with");
        var without = Path.Combine(_folder, "without");
        foreach (var folder in new[] { with, without })
        {
            Copy(RepositoryPaths.Workflows, folder);
            File.WriteAllText(Path.Combine(folder, "wdcheck.workflow.yaml"), Definition);
        }

        var calendar = Path.Combine(without, "calendars", "cn-mainland.yaml");
        var text = File.ReadAllText(calendar);
        var start = text.IndexOf("\n  2026:", StringComparison.Ordinal);
        Assert.True(start > 0 && text.IndexOf("\n  20", start + 1, StringComparison.Ordinal) < 0, "2026 is the calendar's last year");
        File.WriteAllText(calendar, text[..(start + 1)]);
        return (without, with);
    }

    private static WorkflowEngine Engine(string folder)
    {
        var loaded = WorkflowCatalog.LoadDirectory(folder);
        Assert.True(loaded.Catalog is not null, string.Join('\n', loaded.Problems));
        return new WorkflowEngine(loaded.Catalog!);
    }

    private static async Task<string?> UseProviderAsync(ServerFactory factory, string provider)
    {
        AddAuditor(factory);
        if (provider != "PostgreSql")
        {
            return null;
        }

        var admin = CaseDatabases.PostgresServer ?? throw new InvalidOperationException($"{CaseDatabases.PostgresVariable} is not set");
        var name = "ecodamage_rc_" + Guid.NewGuid().ToString("N");
        await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
        factory.Settings["Storage:Provider"] = "PostgreSql";
        factory.Settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 20 }.ConnectionString;
        return name;
    }

    /// <summary>The definition has no <c>listing:</c>, so its cases have no owner: an auditor reads them.</summary>
    private static void AddAuditor(ServerFactory factory)
    {
        factory.Settings["Security:ApiKeys:recomputeAuditor:Key"] = Auditor;
        factory.Settings["Security:ApiKeys:recomputeAuditor:System"] = "auditor-system";
        factory.Settings["Security:ApiKeys:recomputeAuditor:Role"] = "auditor";
    }

    private static async Task StartAsync(ServerFactory factory, string caseId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CaseCommandHandler>().HandleAsync(
            new StartCase("wdcheck", null, new Dictionary<string, object?>(), new Actor("u1", Roles.Department), null, caseId));
        Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
    }

    private static async Task<JsonElement> DeadlineAsync(CaseClient api, string caseId) =>
        (await api.As(Auditor).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "check");

    private static async Task<JsonElement[]> AuditAsync(CaseClient api, string caseId) =>
        (await api.As(Auditor).GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit")).EnumerateArray().ToArray();

    private static async Task<long> CountAsync(ServerFactory factory, string sql)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.SqlQueryRaw<long>(sql).SingleAsync();
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
