using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Migrations;

/// <summary>
/// Migrating running claims from 2.0.0 to 2.1.0 on purpose (issue 14): ClueScreening → ClueIntake (a new 15-day screening
/// deadline), Referred renamed in 2.1.0 and left out of the plan (unmappable), the preliminary check (R7, seed line 25)
/// 30 → 45 days. Dry run, execution, re-execution doing nothing, audit chains intact, commands on the new version.
/// </summary>
public sealed class MigrationApiTests(MigrationServers servers) : IClassFixture<MigrationServers>
{
    private const string Administrator = "dev-administrator-key";

    private static readonly object Plan = new
    {
        definitionId = "claim",
        from = "2.0.0",
        to = "2.1.0",
        stateMap = new Dictionary<string, string> { ["ClueScreening"] = "ClueIntake" },
        deadlines = "recompute",
    };

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Migration_DryRunExecuteAndExecuteAgain_MovesMappableCasesOnceAndLeavesTheUnmappableOne(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var admin = api.As(Administrator);
        var clue = await IdAsync(api.RegisterClueAsync());
        var checking = await IdAsync(api.RegisterClueAsync());
        await api.FireAsync(LawEnforcement, checking, "StartPreliminaryCheck");
        var referred = await IdAsync(api.RegisterClueAsync());
        await api.AttachAsync(referred, "referralLetter");
        await api.FireAsync(LawEnforcement, referred, "Refer", new { referredTo = "naturalResourcesBureau", referralReason = "属于林业资源损害" });
        var versions = new Dictionary<string, long>();
        foreach (var id in new[] { clue, checking, referred })
        {
            versions[id] = (await api.GetAsync(id)).GetProperty("version").GetInt64();
        }

        using var created = await admin.PostAsJsonAsync("/api/admin/migrations", Plan);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var migration = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id0 = migration.GetProperty("id").GetString()!;
        Assert.Equal("created", migration.GetProperty("status").GetString());

        // Dry run: per case the new state and the exact deadline changes; the referral cannot be placed; nothing written.
        using var dry = await admin.PostAsync($"/api/admin/migrations/{id0}/dry-run?limit=1000", null);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var report = await dry.Content.ReadFromJsonAsync<JsonElement>();
        var cases = report.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("caseId").GetString()!);
        Assert.Equal(("ClueScreening", "ClueIntake"), (cases[clue].GetProperty("fromState").GetString(), cases[clue].GetProperty("toState").GetString()));
        var opened = Assert.Single(cases[clue].GetProperty("deadlines").GetProperty("opened").EnumerateArray());
        Assert.Equal(("claim/screening#1", "screening"), (opened.GetProperty("key").GetString(), opened.GetProperty("id").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 16, 0, 0, TimeSpan.Zero), opened.GetProperty("due").GetDateTimeOffset()); // 15 days from 2026-03-02
        var moved = Assert.Single(cases[checking].GetProperty("deadlines").GetProperty("moved").EnumerateArray());
        Assert.Equal("claim/preliminaryCheck#1", moved.GetProperty("key").GetString());
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 16, 0, 0, TimeSpan.Zero), moved.GetProperty("before").GetDateTimeOffset()); // R7: 30 days
        Assert.Equal(new DateTimeOffset(2026, 4, 16, 16, 0, 0, TimeSpan.Zero), moved.GetProperty("after").GetDateTimeOffset()); // 45 days
        var unmappable = Assert.Single(report.GetProperty("unmappable").EnumerateArray());
        Assert.Equal(referred, unmappable.GetProperty("caseId").GetString());
        Assert.Equal("Referred", unmappable.GetProperty("state").GetString());
        Assert.Equal("state 'Referred' is not mapped by the plan and claim@2.1.0 does not declare it", unmappable.GetProperty("reason").GetString());
        Assert.Equal((2, 1, 3L), (report.GetProperty("totals").GetProperty("mappable").GetInt32(), report.GetProperty("totals").GetProperty("unmappable").GetInt32(),
            report.GetProperty("totals").GetProperty("affected").GetInt64()));
        Assert.Equal(versions[clue], (await api.GetAsync(clue)).GetProperty("version").GetInt64());

        // Execute: both mappable cases move once, each with a Migrated audit event at the end of an intact chain.
        var done = await ExecuteAsync(admin, id0);
        Assert.Equal((2L, 1L), (done.GetProperty("progress").GetProperty("migrated").GetInt64(), done.GetProperty("progress").GetProperty("unmappable").GetInt64()));
        var migratedClue = await api.GetAsync(clue);
        Assert.Equal("2.1.0", migratedClue.GetProperty("definition").GetProperty("version").GetString());
        Assert.Equal(["ClueIntake"], States(migratedClue));
        Assert.Equal(versions[clue] + 1, migratedClue.GetProperty("version").GetInt64());
        var screening = Assert.Single(migratedClue.GetProperty("deadlines").EnumerateArray());
        Assert.Equal(("screening", new DateTimeOffset(2026, 3, 17, 16, 0, 0, TimeSpan.Zero)), (screening.GetProperty("id").GetString(), screening.GetProperty("due").GetDateTimeOffset()));
        var check = Assert.Single((await api.GetAsync(checking)).GetProperty("deadlines").EnumerateArray());
        Assert.Equal(("2026-04-16", new DateTimeOffset(2026, 4, 16, 16, 0, 0, TimeSpan.Zero)), (check.GetProperty("lastDay").GetString(), check.GetProperty("due").GetDateTimeOffset()));
        foreach (var id in new[] { clue, checking })
        {
            var audit = (await api.AuditAsync(id)).EnumerateArray().ToArray();
            var last = audit[^1];
            Assert.Equal(("Migrated", $"migration:{id0}", "claim@2.1.0"), (last.GetProperty("kind").GetString(), last.GetProperty("trigger").GetString(), last.GetProperty("definitionKey").GetString()));
            var verify = await api.VerifyAsync(id);
            Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
            Assert.Equal(audit.Length, verify.GetProperty("events").GetInt32());
        }

        var untouched = await api.GetAsync(referred);
        Assert.Equal((versions[referred], "2.0.0"), (untouched.GetProperty("version").GetInt64(), untouched.GetProperty("definition").GetProperty("version").GetString()));
        Assert.Equal(["Referred"], States(untouched));

        // Executing again migrates nothing: versions stay, only the unmappable case is visited again.
        var again = await ExecuteAsync(admin, id0);
        Assert.Equal((0L, 1L), (again.GetProperty("progress").GetProperty("migrated").GetInt64(), again.GetProperty("progress").GetProperty("unmappable").GetInt64()));
        Assert.Equal(versions[clue] + 1, (await api.GetAsync(clue)).GetProperty("version").GetInt64());
        Assert.Equal(versions[checking] + 1, (await api.GetAsync(checking)).GetProperty("version").GetInt64());

        // An ordinary command on a migrated case runs on 2.1.0: the 45-day check opens and the screening deadline closes.
        await api.FireAsync(LawEnforcement, clue, "StartPreliminaryCheck");
        Assert.Equal(["PreliminaryCheck"], States(await api.GetAsync(clue)));
        var afterFire = Assert.Single((await api.GetAsync(clue)).GetProperty("deadlines").EnumerateArray());
        Assert.Equal(("preliminaryCheck", "2026-04-16"), (afterFire.GetProperty("id").GetString(), afterFire.GetProperty("lastDay").GetString()));
        Assert.True((await api.VerifyAsync(clue)).GetProperty("intact").GetBoolean());

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/admin/migrations");
        Assert.Contains(list.GetProperty("migrations").EnumerateArray(), m => m.GetProperty("id").GetString() == id0 && m.GetProperty("status").GetString() == "completed");

        // Issue 14: every administrative change is in the hash-chained administration trail: planned, started and
        // completed twice (the second execution migrated nothing), the trail intact.
        var trail = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?limit=500")).EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() == $"migration:{id0}").ToList();
        Assert.Equal(
            ["migration.planned", "migration.started", "migration.completed", "migration.started", "migration.completed"],
            trail.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(0, trail[^1].GetProperty("detail").GetProperty("counters").GetProperty("migrated").GetInt64());
        Assert.Equal(2, trail[2].GetProperty("detail").GetProperty("counters").GetProperty("migrated").GetInt64());
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit/verify")).GetProperty("intact").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Migration_BadPlanUnknownIdOrNotAdministrator_AnswersProblems(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        var admin = api.As(Administrator);
        var plan = new
        {
            definitionId = "claim",
            from = "2.0.0",
            to = "2.1.0",
            stateMap = new Dictionary<string, string> { ["Screening"] = "ClueIntake", ["ClueScreening"] = "Nowhere" },
        };

        using var bad = await admin.PostAsJsonAsync("/api/admin/migrations", plan);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal(["MIG003: state 'Screening' is not declared by claim@2.0.0"], errors.GetProperty("stateMap.Screening").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["MIG004: state 'Nowhere' is not declared by claim@2.1.0"], errors.GetProperty("stateMap.ClueScreening").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, problem.GetProperty("problems").GetArrayLength());

        using var malformed = await admin.PostAsJsonAsync("/api/admin/migrations", new { definitionId = "claim", from = "2.0", to = "2.1.0", deadlines = "later" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var malformedErrors = (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(malformedErrors.TryGetProperty("from", out _) && malformedErrors.TryGetProperty("deadlines", out _), malformedErrors.ToString());

        using var forbidden = await api.As(LawEnforcement).PostAsJsonAsync("/api/admin/migrations", Plan);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var forbiddenExecute = await api.As(LawEnforcement).PostAsync("/api/admin/migrations/anything/execute", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenExecute.StatusCode);
        using var missing = await admin.GetAsync("/api/admin/migrations/no-such-migration");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var missingExecute = await admin.PostAsync("/api/admin/migrations/no-such-migration/execute", null);
        Assert.Equal(HttpStatusCode.NotFound, missingExecute.StatusCode);
        using var badLimit = await admin.PostAsync("/api/admin/migrations/no-such-migration/dry-run?limit=0", null);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    /// <summary>Executes the migration and waits until the worker has visited every case (a condition, not a sleep).</summary>
    private static async Task<JsonElement> ExecuteAsync(HttpClient admin, string id)
    {
        using var accepted = await admin.PostAsync($"/api/admin/migrations/{id}/execute", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var view = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/migrations/{id}", timeout.Token);
            if (view.GetProperty("status").GetString() == "completed")
            {
                return view;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<string> IdAsync(Task<JsonElement> registered) => (await registered).GetProperty("id").GetString()!;

    private static string[] States(JsonElement view) => view.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray();
}
