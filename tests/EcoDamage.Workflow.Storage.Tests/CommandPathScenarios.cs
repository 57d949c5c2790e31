using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace EcoDamage.Workflow.Storage.Tests;

/// <summary>The command path against a real database; each provider's test class runs every scenario.</summary>
public abstract class CommandPathScenarios(StorageProvider provider)
{
    private static readonly Actor Department = new("officer-1", Roles.Department, "南通市生态环境局");
    private static readonly Actor Appraiser = new("appraiser-1", Roles.Appraiser);

    private static StartCase Start(string? key = null) => new(
        "claim",
        null,
        new Dictionary<string, object?> { ["channel"] = "suddenIncident", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan", ["description"] = "化工企业偷排废水致河道污染" },
        Department,
        key);

    private static FireTrigger Fire(string caseId, string trigger, Actor? actor = null, string? key = null, long? expected = null, params (string Field, object? Value)[] data) =>
        new(caseId, trigger, data.ToDictionary(d => d.Field, d => d.Value), actor ?? Department, key, expected);

    private static AttachDocument Attach(string caseId, string type, string content) => new(
        caseId, type, new LocalDate(2026, 3, 2), $"{type}.pdf", "application/pdf", content.Length,
        DocumentHash.Of(System.Text.Encoding.UTF8.GetBytes(content)), Department);

    private static void Accepted(CommandOutcome outcome) =>
        Assert.True(outcome.Kind == OutcomeKind.Accepted, $"{outcome.Kind}: {string.Join("; ", outcome.Refusals.Select(r => r.Message))}");

    private async Task<TestDatabase> DatabaseAsync() => await TestDatabase.CreateAsync(provider);

    protected async Task ClaimDrivenThroughSeveralTriggers_IsPersistedAndReloaded()
    {
        await using var db = await DatabaseAsync();
        var started = await db.SendAsync(Start());
        Accepted(started);
        var id = started.CaseId;
        var commands = new CaseCommand[]
        {
            Fire(id, "StartPreliminaryCheck"),
            Attach(id, "preliminaryCheckReport", "初步核查报告"),
            Attach(id, "caseOpeningDecision", "立案决定"),
            Fire(id, "OpenCase", data: ("damageFound", true)),
            Attach(id, "siteSurveyRecord", "现场勘查笔录"),
            Attach(id, "samplingMonitoringReport", "采样监测报告"),
            Attach(id, "photoVideoEvidence", "照片视频"),
            Fire(id, "CompleteInvestigation", data: [("estimatedDamage", 1_200_000.50m), ("factsSimple", false), ("liabilityUndisputed", false), ("damageSmall", false)]),
            Fire(id, "CommissionAppraisal", data: ("appraisalMode", "qualifiedInstitution")),
            Attach(id, "appraisalOpinion", "鉴定意见"),
            Fire(id, "DeliverAppraisal", Appraiser, data: ("assessedDamage", 1_000_000m)),
        };
        CommandOutcome last = started;
        var sawDeadlines = false;
        foreach (var command in commands)
        {
            db.Time.Advance(TimeSpan.FromHours(1));
            last = await db.SendAsync(command);
            Accepted(last);
            sawDeadlines |= await DeadlineRowsMatchCaseAsync(db, id);
        }

        var stored = await db.LoadAsync(id);

        Assert.NotNull(stored);
        Assert.Equal(last.Version, stored.Case.Version);
        Assert.Equal(last.States, stored.Case.States);
        Assert.Equal(1_200_000.50m, stored.Case.Data["estimatedDamage"]);
        Assert.Equal(1_000_000m, stored.Case.Data["assessedDamage"]);
        Assert.Equal(true, stored.Case.Data["damageFound"]);
        Assert.Equal(6, stored.Case.Documents.Count);
        var report = await db.VerifyAsync(id);
        Assert.True(report.IsIntact, report.Reason);
        Assert.Equal(stored.AuditSequence, report.EventsChecked);
        Assert.True(report.EventsChecked >= commands.Length + 1);
        var rows = await db.CountRowsAsync();
        Assert.Equal(stored.Case.ActiveDeadlines.Count(), rows.Deadlines);
        Assert.Equal(6, rows.Documents);
        var outboxTypes = await db.QueryAsync(x => x.Outbox.Select(o => o.Type).ToListAsync());
        Assert.Contains(OutboxMessageTypes.CaseStarted, outboxTypes);
        Assert.Contains(OutboxMessageTypes.StateChanged, outboxTypes);
        Assert.Contains(OutboxMessageTypes.DocumentAttached, outboxTypes);
        var next = await db.QueryAsync(x => x.Deadlines.Where(d => d.CaseId == id).Select(d => d.NextEventAt).ToListAsync());
        Assert.All(next, n => Assert.NotNull(n));

        Assert.True(sawDeadlines, "the scenario opens a deadline at some step");
    }

    // Transitions that leave the deadlines alone skip rewriting their rows: the rows must still match the case.
    private static async Task<bool> DeadlineRowsMatchCaseAsync(TestDatabase db, string id)
    {
        var stored = await db.LoadAsync(id);
        Assert.NotNull(stored);
        var rows = (await db.QueryAsync(x => x.Deadlines.Where(d => d.CaseId == id)
                .Select(d => new { d.Key, d.DeadlineId, d.State, d.Due, d.Status, d.NextEventAt }).ToListAsync()))
            .OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        var expected = stored.Case.ActiveDeadlines
            .Select(d => new { d.Key, d.DeadlineId, d.State, Due = d.Due.ToUnixTimeTicks(), Status = d.Status.ToString(), NextEventAt = d.NextEventAt()?.ToUnixTimeTicks() })
            .OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rows);
        return expected.Count > 0;
    }

    protected async Task TwoNodesTakingTurns_NeitherActsOnAStaleCachedCase()
    {
        await using var a = await DatabaseAsync();
        await using var b = a.SecondNode();
        var started = await a.SendAsync(Start());
        Accepted(started);
        var id = started.CaseId;

        // Node a keeps the case it committed; node b moves the case on behind its back.
        Accepted(await b.SendAsync(Fire(id, "StartPreliminaryCheck")));
        Assert.Equal(started.Version + 1, (await a.LoadAsync(id))!.Case.Version);
        a.Time.Advance(TimeSpan.FromHours(1));
        var next = await a.SendAsync(Attach(id, "preliminaryCheckReport", "初步核查报告"));
        Accepted(next);
        Assert.Equal(started.Version + 2, next.Version);
        Assert.Equal(next.Version, (await b.LoadAsync(id))!.Case.Version);
        var report = await b.VerifyAsync(id);
        Assert.True(report.IsIntact, report.Reason);
    }

    protected async Task CachedAndColdLoads_WriteTheSameHashesAndSnapshots()
    {
        // One database serves every command from the node that committed the previous one (cache hits),
        // the other from a fresh node each time (snapshot read and deserialized): the rows must agree.
        await using var warm = await DatabaseAsync();
        await using var cold = await DatabaseAsync();
        const string id = "case-cache-differential";
        var commands = new CaseCommand[]
        {
            Start() with { CaseId = id },
            Fire(id, "StartPreliminaryCheck"),
            Attach(id, "preliminaryCheckReport", "初步核查报告"),
            Attach(id, "caseOpeningDecision", "立案决定"),
            Fire(id, "OpenCase", data: ("damageFound", true)),
            Attach(id, "siteSurveyRecord", "现场勘查笔录"),
            Attach(id, "samplingMonitoringReport", "采样监测报告"),
            Attach(id, "photoVideoEvidence", "照片视频"),
            Fire(id, "CompleteInvestigation", data: [("estimatedDamage", 1_200_000.50m), ("factsSimple", false), ("liabilityUndisputed", false), ("damageSmall", false)]),
            Fire(id, "CommissionAppraisal", data: ("appraisalMode", "qualifiedInstitution")),
        };
        foreach (var command in commands)
        {
            warm.Time.Advance(TimeSpan.FromHours(1));
            cold.Time.Advance(TimeSpan.FromHours(1));
            Accepted(await warm.SendAsync(command));
            await using var node = cold.SecondNode();
            Accepted(await node.SendAsync(command));
        }

        Task<List<string>> HashesAsync(TestDatabase db) =>
            db.QueryAsync(x => x.AuditEvents.Where(a => a.CaseId == id).OrderBy(a => a.Sequence).Select(a => a.Hash).ToListAsync());
        Task<string> SnapshotAsync(TestDatabase db) =>
            db.QueryAsync(x => x.Cases.Where(c => c.Id == id).Select(c => c.Snapshot).SingleAsync());
        Assert.Equal(await HashesAsync(cold), await HashesAsync(warm));
        Assert.Equal(await SnapshotAsync(cold), await SnapshotAsync(warm));
    }

    protected async Task FiftyParallelConflictingFires_OneAcceptedAndFortyNineVersionConflicts()
    {
        await using var db = await DatabaseAsync();
        var started = await db.SendAsync(Start());
        Accepted(started);
        var version = started.Version!.Value;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            db.SendAsync(Fire(started.CaseId, "StartPreliminaryCheck", new Actor($"officer-{i}", Roles.Department), expected: version)))));

        Assert.Single(outcomes, o => o.Kind == OutcomeKind.Accepted);
        var conflicts = outcomes.Where(o => o.Kind == OutcomeKind.VersionConflict).ToArray();
        Assert.Equal(49, conflicts.Length);
        Assert.All(conflicts, c => Assert.Equal(version + 1, c.Version));
        var report = await db.VerifyAsync(started.CaseId);
        Assert.True(report.IsIntact, report.Reason);
        Assert.Equal(2, report.EventsChecked);
        Assert.Equal(version + 1, (await db.LoadAsync(started.CaseId))!.Case.Version);
    }

    protected async Task FiftyParallelCommitsFromOneLoad_TheDatabaseLetsOnlyOneThrough()
    {
        await using var db = await DatabaseAsync();
        var started = await db.SendAsync(Start());
        var stored = (await db.LoadAsync(started.CaseId))!;
        var engine = new WorkflowEngine(ShippedCatalog.Catalog);
        var now = Instant.FromDateTimeOffset(db.Time.GetUtcNow());
        var changeSets = Enumerable.Range(0, 50).Select(i =>
        {
            var actor = new Actor($"officer-{i}", Roles.Department);
            var result = engine.Fire(stored.Case, new FireRequest("StartPreliminaryCheck", actor, now));
            return ChangeSetBuilder.Build(ShippedCatalog.Catalog, stored, result, actor, null, now, db.Time);
        }).ToArray();

        // Every writer computed its change from the same version: only the row's version check can pick one.
        var results = await Task.WhenAll(changeSets.Select(c => Task.Run(() => db.CommitAsync(c))));

        Assert.Single(results, r => r.Status == CommitStatus.Committed);
        Assert.All(results.Where(r => r.Status != CommitStatus.Committed), r =>
            Assert.Equal((CommitStatus.VersionConflict, stored.Case.Version + 1), (r.Status, r.CurrentVersion)));
        var report = await db.VerifyAsync(started.CaseId);
        Assert.True(report.IsIntact, report.Reason);
        Assert.Equal(2, report.EventsChecked);
        Assert.Equal(changeSets[0].Outbox.Count + 1, (await db.CountRowsAsync()).Outbox);
    }

    protected async Task IdempotentRetry_ReturnsTheFirstResultAndAddsNoRow()
    {
        await using var db = await DatabaseAsync();
        var started = await db.SendAsync(Start("start-1"));
        var fire = Fire(started.CaseId, "StartPreliminaryCheck", key: "fire-1");
        var first = await db.SendAsync(fire);
        var rows = await db.CountRowsAsync();
        db.Time.Advance(TimeSpan.FromMinutes(10));

        var retry = await db.SendAsync(fire);
        var startRetry = await db.SendAsync(Start("start-1"));
        var misuse = await db.SendAsync(Fire(started.CaseId, "NotStarting", key: "fire-1"));

        Accepted(first);
        Assert.True(retry.Replayed);
        Assert.Equal((first.Kind, first.CaseId, first.Version), (retry.Kind, retry.CaseId, retry.Version));
        Assert.Equal(first.States, retry.States);
        Assert.True(startRetry.Replayed);
        Assert.Equal(started.CaseId, startRetry.CaseId);
        Assert.Equal(OutcomeKind.IdempotencyConflict, misuse.Kind);
        Assert.Equal(rows, await db.CountRowsAsync());
        Assert.Equal(2, rows.Keys);
    }

    protected async Task TamperedAuditPayload_FailsVerificationAtThatEvent()
    {
        await using var db = await DatabaseAsync();
        var started = await db.SendAsync(Start());
        Accepted(await db.SendAsync(Fire(started.CaseId, "StartPreliminaryCheck")));
        Accepted(await db.SendAsync(Attach(started.CaseId, "preliminaryCheckReport", "报告")));
        Assert.True((await db.VerifyAsync(started.CaseId)).IsIntact);

        var edited = await db.ExecuteSqlAsync(
            $"UPDATE \"AuditEvents\" SET \"Payload\" = REPLACE(\"Payload\", 'officer-1', 'officer-9') WHERE \"CaseId\" = '{started.CaseId}' AND \"Sequence\" = 2");
        var report = await db.VerifyAsync(started.CaseId);

        Assert.Equal(1, edited);
        Assert.False(report.IsIntact);
        Assert.Equal(2, report.FirstBrokenSequence);
    }

    protected async Task DeletedAuditRow_FailsVerification()
    {
        await using var db = await DatabaseAsync();
        var started = await db.SendAsync(Start());
        Accepted(await db.SendAsync(Fire(started.CaseId, "StartPreliminaryCheck")));
        Accepted(await db.SendAsync(Attach(started.CaseId, "preliminaryCheckReport", "报告")));

        await db.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"CaseId\" = '{started.CaseId}' AND \"Sequence\" = 2");
        var report = await db.VerifyAsync(started.CaseId);

        Assert.Equal(3, report.FirstBrokenSequence);
    }

    protected async Task RefusedTrigger_WritesNothing()
    {
        await using var db = await DatabaseAsync();
        var started = await db.SendAsync(Start());
        var before = await db.CountRowsAsync();

        var wrongState = await db.SendAsync(Fire(started.CaseId, "OpenCase", key: "refused-1", data: ("damageFound", true)));
        var wrongRole = await db.SendAsync(Fire(started.CaseId, "StartPreliminaryCheck", Appraiser));
        var unknown = await db.SendAsync(Fire("no-such-case", "StartPreliminaryCheck"));

        Assert.Equal(OutcomeKind.Refused, wrongState.Kind);
        Assert.Contains(wrongState.Refusals, r => r.Kind == RefusalKind.NotPermittedInState);
        Assert.Equal(OutcomeKind.Refused, wrongRole.Kind);
        Assert.Contains(wrongRole.Refusals, r => r.Kind == RefusalKind.RoleNotAllowed);
        Assert.Equal(OutcomeKind.NotFound, unknown.Kind);
        Assert.Equal(before, await db.CountRowsAsync());
        Assert.Equal(started.Version, (await db.LoadAsync(started.CaseId))!.Case.Version);
    }
}
