using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Links;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace EcoDamage.Workflow.Storage.Tests.Links;

/// <summary>
/// Linked cases against a real database (issue 12, "Linked cases"): the cases, audit events, outbox rows and link rows of
/// a split commit together or not at all, and a case's links read from both sides; each provider's class runs every scenario.
/// </summary>
public abstract class CaseLinkScenarios(StorageProvider provider)
{
    private static readonly Actor Department = new("officer-1", Roles.Department, "南通市生态环境局");

    private static StartCase Start(string? id = null) => new(
        "claim",
        null,
        new Dictionary<string, object?> { ["channel"] = "suddenIncident", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan", ["description"] = "两家企业共同偷排废水" },
        Department,
        null,
        id);

    private static SplitCase Split(string id, string? key = null) =>
        new(id, [new SplitObligor("甲化工有限公司", "甲化工", $"{id}-a"), new SplitObligor("乙印染厂", null, $"{id}-b")], Department, key);

    private static async Task<string> StartedAsync(TestDatabase db, string? id = null)
    {
        var started = await db.SendAsync(Start(id));
        Assert.Equal(OutcomeKind.Accepted, started.Kind);
        return started.CaseId;
    }

    private static Task<int> LinkRowsAsync(TestDatabase db) => db.QueryAsync(x => x.CaseLinks.CountAsync());

    protected async Task Split_WritesCasesLinksAuditAndOutboxTogether_ReadFromBothSides()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var original = await StartedAsync(db, "clue");
        var before = await db.CountRowsAsync();

        var outcome = await db.SendLinkAsync(Split(original));

        Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
        var after = await db.CountRowsAsync();
        Assert.Equal(before.Cases + 2, after.Cases);
        Assert.Equal(2, await LinkRowsAsync(db));
        Assert.Equal(2, await db.QueryAsync(x => x.Outbox.CountAsync(o => o.Type == OutboxMessageTypes.CaseLinked)));
        Assert.Equal(before.Audit + 2 + 2 * 3, after.Audit); // two Linked on the original; Started, ParticipantAdded, Linked on each new case
        Assert.Equal(
            [("clue-a", CaseLinkKinds.SplitInto), ("clue-b", CaseLinkKinds.SplitInto)],
            (await db.LinksAsync(original)).Select(l => (l.CaseId, l.Kind)).OrderBy(l => l.CaseId));
        foreach (var id in new[] { "clue-a", "clue-b" })
        {
            var link = Assert.Single(await db.LinksAsync(id));
            Assert.Equal((original, CaseLinkKinds.SplitFrom, "officer-1"), (link.CaseId, link.Kind, link.Actor));
            var split = (await db.LoadAsync(id))!.Case;
            Assert.Equal(CaseLinkHandler.ObligorRole, Assert.Single(split.Participants).Role);
            Assert.True((await db.VerifyAsync(id)).IsIntact);
        }

        Assert.True((await db.VerifyAsync(original)).IsIntact);
        Assert.Equal(outcome.Version, (await db.LoadAsync(original))!.Case.Version);
    }

    protected async Task GroupWithAStaleLastChangeSet_WritesNothingOfAnyChangeSet()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var original = await StartedAsync(db, "clue");
        var stored = (await db.LoadAsync(original))!;
        var now = Instant.FromDateTimeOffset(db.Time.GetUtcNow());
        var engine = new WorkflowEngine(ShippedCatalog.Catalog);
        var started = engine.Start("claim", null, "clue-a", Department, now, Start().Data);
        var newCase = ChangeSetBuilder.Build(ShippedCatalog.Catalog, new StoredCase(started.Case with { Version = 0 }, 0, AuditHasher.Genesis), started, Department, null, now, db.Time)
            with { Links = [new CaseLink("clue-a", original, CaseLinkKinds.SplitFrom, now, Department.Id)] };
        var fired = engine.Fire(stored.Case, new FireRequest("StartPreliminaryCheck", Department, now));
        var staleOriginal = ChangeSetBuilder.Build(ShippedCatalog.Catalog, stored, fired, Department, null, now, db.Time);
        Assert.Equal(OutcomeKind.Accepted, (await db.SendAsync(new FireTrigger(original, "StartPreliminaryCheck", new Dictionary<string, object?>(), Department))).Kind);
        var before = await db.CountRowsAsync();

        // The new case's insert and its link row run first and are rolled back with the stale update after them.
        var result = await db.CommitAllAsync([newCase, staleOriginal]);

        Assert.Equal(CommitStatus.VersionConflict, result.Status);
        Assert.Equal(before, await db.CountRowsAsync());
        Assert.Equal(0, await LinkRowsAsync(db));
        Assert.Null(await db.LoadAsync("clue-a"));
        Assert.Empty(await db.LinksAsync(original));
    }

    protected async Task Split_RetriedWithItsKey_WritesNothingTwice()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var original = await StartedAsync(db, "clue");
        var first = await db.SendLinkAsync(Split(original, "split-key"));
        var rows = await db.CountRowsAsync();

        var retry = await db.SendLinkAsync(Split(original, "split-key"));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Links, retry.Links);
        Assert.Equal(rows, await db.CountRowsAsync());
        Assert.Equal(2, await LinkRowsAsync(db));
    }

    protected async Task OppositeLinksAtOnce_OneIsMadeTheOtherRefusedOrConflicted()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await StartedAsync(db, "case-a");
        var b = await StartedAsync(db, "case-b");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            db.SendLinkAsync(i % 2 == 0 ? new LinkCase(a, b, CaseLinkKinds.Related, Department) { Scope = AccessScope.Everything } : new LinkCase(b, a, CaseLinkKinds.Related, Department) { Scope = AccessScope.Everything }))));

        Assert.Single(outcomes, o => o.Kind == OutcomeKind.Accepted);
        Assert.All(outcomes.Where(o => o.Kind != OutcomeKind.Accepted), o => Assert.True(
            o.Kind == OutcomeKind.VersionConflict || o.Refusals.Single().Kind == RefusalKind.LinkExists, o.Kind.ToString()));
        Assert.Equal(1, await LinkRowsAsync(db));
        Assert.True((await db.VerifyAsync(a)).IsIntact);
        Assert.True((await db.VerifyAsync(b)).IsIntact);
    }

    protected async Task SupplementaryClaimAndRelatedLink_ReadFromBothSides_DuplicateRefused()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var original = await StartedAsync(db, "clue");
        var other = await StartedAsync(db, "other");

        var claim = await db.SendLinkAsync(new StartSupplementaryClaim(original, Department, CaseId: "later", Description: "新发现地下水污染"));
        var related = await db.SendLinkAsync(new LinkCase(other, original, CaseLinkKinds.Related, Department) { Scope = AccessScope.Everything });
        var duplicate = await db.SendLinkAsync(new LinkCase(original, other, CaseLinkKinds.Related, Department) { Scope = AccessScope.Everything });

        Assert.Equal((OutcomeKind.Accepted, OutcomeKind.Accepted), (claim.Kind, related.Kind));
        Assert.Equal(RefusalKind.LinkExists, Assert.Single(duplicate.Refusals).Kind);
        Assert.Equal(
            [("later", CaseLinkKinds.SupplementedBy, "新发现地下水污染"), ("other", CaseLinkKinds.Related, null)],
            (await db.LinksAsync(original)).Select(l => (l.CaseId, l.Kind, l.Note)).OrderBy(l => l.CaseId));
        Assert.Equal(CaseLinkKinds.SupplementaryTo, Assert.Single(await db.LinksAsync("later")).Kind);
        Assert.Equal(CaseLinkKinds.Related, Assert.Single(await db.LinksAsync(other)).Kind);
        foreach (var id in new[] { original, other, "later" })
        {
            Assert.True((await db.VerifyAsync(id)).IsIntact);
        }
    }
}
