using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Idempotency;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.TestUtils;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace EcoDamage.Workflow.Storage.Tests;

/// <summary><see cref="IUnitOfWork.CommitBatchAsync"/> (group commit) against a real database; each provider's class runs every scenario.</summary>
public abstract class CommitBatchScenarios(StorageProvider provider)
{
    private static readonly Actor Department = new("officer-1", Roles.Department, "南通市生态环境局");

    private static StartCase Start(string? key = null, string? id = null) => new(
        "claim",
        null,
        new Dictionary<string, object?> { ["channel"] = "suddenIncident", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan", ["description"] = "化工企业偷排废水致河道污染" },
        Department,
        key,
        id);

    private static FireTrigger StartCheck(string caseId, string? key = null) => new(caseId, "StartPreliminaryCheck", new Dictionary<string, object?>(), Department, key);

    private static void Accepted(CommandOutcome outcome) =>
        Assert.True(outcome.Kind == OutcomeKind.Accepted, $"{outcome.Kind}: {string.Join("; ", outcome.Refusals.Select(r => r.Message))}");

    private static async Task<List<string>> StartedAsync(TestDatabase db, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var started = await db.SendAsync(Start());
            Accepted(started);
            ids.Add(started.CaseId);
        }

        return ids;
    }

    private static async Task<CaseChangeSet> FireChangesAsync(TestDatabase db, string caseId, string? idempotencyKey = null)
    {
        var stored = (await db.LoadAsync(caseId))!;
        var now = Instant.FromDateTimeOffset(db.Time.GetUtcNow());
        var result = new WorkflowEngine(ShippedCatalog.Catalog).Fire(stored.Case, new FireRequest("StartPreliminaryCheck", Department, now));
        Assert.True(result.Accepted);
        var changes = ChangeSetBuilder.Build(ShippedCatalog.Catalog, stored, result, Department, null, now, db.Time);
        return idempotencyKey is null
            ? changes
            : changes with
            {
                // Stored as the handler stores it: in the caller's namespace.
                Idempotency = new IdempotencyRecord(
                    IdempotencyKeys.Scoped(StartCheck(caseId, idempotencyKey).Actor.Id, idempotencyKey), RequestFingerprint.Of(StartCheck(caseId, idempotencyKey)), caseId, CommandOutcome.Accepted(result), now),
            };
    }

    private static CaseChangeSet StartChanges(TestDatabase db, string caseId)
    {
        var now = Instant.FromDateTimeOffset(db.Time.GetUtcNow());
        var command = Start(id: caseId);
        var result = new WorkflowEngine(ShippedCatalog.Catalog).Start(command.DefinitionId, command.Version, caseId, Department, now, command.Data);
        Assert.True(result.Accepted);
        var empty = new StoredCase(result.Case with { Version = 0 }, 0, AuditHasher.Genesis);
        return ChangeSetBuilder.Build(ShippedCatalog.Catalog, empty, result, Department, null, now, db.Time);
    }

    protected async Task MixedBatch_StoresTheGoodChangeSetsAndNothingOfTheBadOnes()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await StartedAsync(db, 5);

        var (good1, stale, keyTaken, good2, existing) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        Accepted(await db.SendAsync(StartCheck(existing, key: "taken-key")));
        db.Time.Advance(TimeSpan.FromHours(1));

        var staleChanges = await FireChangesAsync(db, stale);
        Accepted(await db.SendAsync(StartCheck(stale))); // moves the case on: the change set above is now stale
        var batch = new[]
        {
            await FireChangesAsync(db, good1),
            staleChanges,
            await FireChangesAsync(db, keyTaken, idempotencyKey: "taken-key"), // case row updated, then the key clashes
            await FireChangesAsync(db, good2, idempotencyKey: "fresh-key"),
            StartChanges(db, existing), // a new case whose id is taken: the insert clashes
            StartChanges(db, "brand-new-case"),
        };
        var versionsBefore = new Dictionary<string, long>();
        foreach (var id in ids)
        {
            versionsBefore[id] = (await db.LoadAsync(id))!.Case.Version;
        }

        var rowsBefore = await db.CountRowsAsync();

        var results = await db.CommitBatchAsync(batch);

        Assert.Equal(
            [CommitStatus.Committed, CommitStatus.VersionConflict, CommitStatus.IdempotencyKeyTaken, CommitStatus.Committed, CommitStatus.VersionConflict, CommitStatus.Committed],
            results.Select(r => r.Status));
        Assert.Equal(versionsBefore[stale], results[1].CurrentVersion);
        Assert.Equal(versionsBefore[existing], results[4].CurrentVersion);

        // Good ones stored, bad ones untouched; the cache agrees with a node that never saw the batch.
        await using var other = db.SecondNode();
        foreach (var id in ids.Append("brand-new-case"))
        {
            var expected = id == good1 || id == good2 ? versionsBefore[id] + 1 : id == "brand-new-case" ? batch[5].Case.Version : versionsBefore[id];
            var cached = (await db.LoadAsync(id))!;
            var cold = (await other.LoadAsync(id))!;
            Assert.Equal(expected, cached.Case.Version);
            Assert.Equal((cold.Case.Version, cold.AuditSequence, cold.AuditHead), (cached.Case.Version, cached.AuditSequence, cached.AuditHead));
            Assert.Equal(CaseJson.Serialize(cold.Case), CaseJson.Serialize(cached.Case));
            var report = await db.VerifyAsync(id);
            Assert.True(report.IsIntact, $"{id}: {report.Reason}");
        }

        var committed = new[] { batch[0], batch[3], batch[5] };
        var rowsAfter = await db.CountRowsAsync();
        Assert.Equal(rowsBefore.Cases + 1, rowsAfter.Cases);
        Assert.Equal(rowsBefore.Audit + committed.Sum(c => c.AuditEvents.Count), rowsAfter.Audit);
        Assert.Equal(rowsBefore.Outbox + committed.Sum(c => c.Outbox.Count), rowsAfter.Outbox);
        Assert.Equal(rowsBefore.Keys + 1, rowsAfter.Keys);
        var keyTakenOutbox = await db.QueryAsync(x => x.Outbox.CountAsync(o => o.CaseId == keyTaken));
        Assert.Equal(1, keyTakenOutbox); // only its case.started

        // The committed cases go on from the batch's state through the command path.
        db.Time.Advance(TimeSpan.FromHours(1));
        Accepted(await db.SendAsync(new AttachDocument(good1, "preliminaryCheckReport", new LocalDate(2026, 3, 2), "r.pdf", "application/pdf", 3, DocumentHash.Of([1, 2, 3]), Department)));
        Accepted(await db.SendAsync(StartCheck("brand-new-case")));
        Assert.True((await db.VerifyAsync(good1)).IsIntact);
        Assert.True((await db.VerifyAsync("brand-new-case")).IsIntact);
    }

    protected async Task BatchOfGoodChangeSets_CommitsEveryOne()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await StartedAsync(db, 20);

        db.Time.Advance(TimeSpan.FromHours(1));
        var batch = new List<CaseChangeSet>();
        foreach (var id in ids)
        {
            batch.Add(await FireChangesAsync(db, id));
        }

        var results = await db.CommitBatchAsync(batch);

        Assert.All(results, r => Assert.Equal(CommitStatus.Committed, r.Status));
        foreach (var (id, changes) in ids.Zip(batch))
        {
            Assert.Equal(changes.Case.Version, (await db.LoadAsync(id))!.Case.Version);
            Assert.True((await db.VerifyAsync(id)).IsIntact);
        }

        Assert.Empty(await db.CommitBatchAsync([]));
    }

    protected async Task BatchWhoseRefusalsWroteNothing_CommitsTheRestInOnePass()
    {
        // A stale update and a taken case id are refused by their first statement, before anything of theirs is
        // written: the others around them are stored (on SQLite without savepoints; nothing to roll back).
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await StartedAsync(db, 4);

        db.Time.Advance(TimeSpan.FromHours(1));
        var staleChanges = await FireChangesAsync(db, ids[1]);
        Accepted(await db.SendAsync(StartCheck(ids[1])));
        var batch = new[] { await FireChangesAsync(db, ids[0]), staleChanges, StartChanges(db, ids[2]), await FireChangesAsync(db, ids[3]) };
        var staleVersion = (await db.LoadAsync(ids[1]))!.Case.Version;
        var takenVersion = (await db.LoadAsync(ids[2]))!.Case.Version;
        var rowsBefore = await db.CountRowsAsync();

        var results = await db.CommitBatchAsync(batch);

        Assert.Equal(
            [CommitStatus.Committed, CommitStatus.VersionConflict, CommitStatus.VersionConflict, CommitStatus.Committed],
            results.Select(r => r.Status));
        Assert.Equal(staleVersion, results[1].CurrentVersion);
        Assert.Equal(takenVersion, results[2].CurrentVersion);
        var rowsAfter = await db.CountRowsAsync();
        Assert.Equal(rowsBefore.Cases, rowsAfter.Cases);
        Assert.Equal(rowsBefore.Audit + batch[0].AuditEvents.Count + batch[3].AuditEvents.Count, rowsAfter.Audit);
        Assert.Equal(rowsBefore.Outbox + batch[0].Outbox.Count + batch[3].Outbox.Count, rowsAfter.Outbox);
        await using var other = db.SecondNode();
        foreach (var (id, expected) in new[] { (ids[0], batch[0].Case.Version), (ids[1], staleVersion), (ids[2], takenVersion), (ids[3], batch[3].Case.Version) })
        {
            Assert.Equal(expected, (await other.LoadAsync(id))!.Case.Version);
            Assert.Equal(expected, (await db.LoadAsync(id))!.Case.Version);
            Assert.True((await db.VerifyAsync(id)).IsIntact);
        }
    }

    protected async Task FilterColumns_FollowTheCaseOnEveryCommit()
    {
        // Most updates leave the filter columns out (their values did not change); a changed value, or a
        // row whose columns predate them (NULL), still gets the full update.
        await using var db = await TestDatabase.CreateAsync(provider);
        var started = await db.SendAsync(Start());
        Accepted(started);
        var id = started.CaseId;
        Task<(string? Jurisdiction, string? Department)> ColumnsAsync() =>
            db.QueryAsync(x => x.Cases.Where(c => c.Id == id).Select(c => new ValueTuple<string?, string?>(c.Jurisdiction, c.Department)).SingleAsync());
        var initial = await ColumnsAsync();
        Assert.Equal("chongchuan", initial.Jurisdiction);

        await db.ExecuteSqlAsync($"UPDATE \"Cases\" SET \"Jurisdiction\" = NULL WHERE \"Id\" = '{id}'");
        db.Time.Advance(TimeSpan.FromHours(1));
        Accepted(await db.SendAsync(new AttachDocument(id, "referralLetter", new LocalDate(2026, 3, 2), "r.pdf", "application/pdf", 3, DocumentHash.Of([1, 2, 3]), Department)));
        Assert.Equal(initial, await ColumnsAsync());

        Accepted(await db.SendAsync(new FireTrigger(id, "Refer", new Dictionary<string, object?> { ["referredTo"] = "waterBureau", ["referralReason"] = "属水利部门职责" }, Department)));
        Assert.Equal(("chongchuan", "waterBureau"), await ColumnsAsync());
        Assert.True((await db.VerifyAsync(id)).IsIntact);
    }

    protected async Task ConcurrentCommandsOnManyCases_EachCommitsAsIfAlone()
    {
        // On SQLite, commands that arrive together share one transaction (group commit); every one must
        // still be stored with its own chain, and a conflicting twin must still lose.
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await StartedAsync(db, 30);

        db.Time.Advance(TimeSpan.FromHours(1));
        var commands = ids.Select(id => StartCheck(id)).Concat(ids.Take(10).Select(id => StartCheck(id) with { ExpectedVersion = 1 })).ToArray();
        var outcomes = await Task.WhenAll(commands.Select(c => Task.Run(() => db.SendAsync(c))));

        foreach (var id in ids)
        {
            var forCase = outcomes.Where(o => o.CaseId == id).ToArray();
            Assert.Single(forCase, o => o.Kind == OutcomeKind.Accepted);
            Assert.All(forCase.Where(o => o.Kind != OutcomeKind.Accepted), o => Assert.Contains(o.Kind, new[] { OutcomeKind.VersionConflict, OutcomeKind.Refused }));
            var stored = (await db.LoadAsync(id))!;
            Assert.Equal(forCase.Single(o => o.Kind == OutcomeKind.Accepted).Version, stored.Case.Version);
            var report = await db.VerifyAsync(id);
            Assert.True(report.IsIntact, report.Reason);
            Assert.Equal(2, report.EventsChecked);
        }
    }

    protected async Task ConcurrentCommitsWithOneFailing_OnlyThatOneFails()
    {
        // A change set that breaks a constraint (here an audit event without an actor) fails alone, even
        // when it shares a group commit with others.
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await StartedAsync(db, 20);

        db.Time.Advance(TimeSpan.FromHours(1));
        var batch = new List<CaseChangeSet>();
        foreach (var id in ids)
        {
            batch.Add(await FireChangesAsync(db, id));
        }

        batch[7] = batch[7] with { AuditEvents = [batch[7].AuditEvents[0] with { ActorId = null! }] };
        var commits = batch.Select(c => Task.Run(() => db.CommitAsync(c))).ToArray();
        try
        {
            await Task.WhenAll(commits);
        }
        catch (System.Data.Common.DbException)
        {
            // inspected below
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var stored = (await db.LoadAsync(ids[i]))!;
            if (i == 7)
            {
                Assert.True(commits[i].IsFaulted);
                Assert.IsAssignableFrom<System.Data.Common.DbException>(commits[i].Exception!.InnerException);
                Assert.Equal(batch[i].ExpectedVersion, stored.Case.Version);
                Assert.Equal(1, await db.QueryAsync(x => x.Outbox.CountAsync(o => o.CaseId == ids[7])));
            }
            else
            {
                Assert.Equal(CommitStatus.Committed, (await commits[i]).Status);
                Assert.Equal(batch[i].Case.Version, stored.Case.Version);
            }

            var report = await db.VerifyAsync(ids[i]);
            Assert.True(report.IsIntact, report.Reason);
        }
    }
}
