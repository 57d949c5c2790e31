using System.Text.Json;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Idempotency;
using EcoDamage.Workflow.Runtime.Links;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Runtime.Tests.Commands;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Extensions.Time.Testing;

namespace EcoDamage.Workflow.Runtime.Tests.Links;

/// <summary>
/// Linked cases (issue 12, "Linked cases"): one clue split into a case per obligor (赔偿义务人, DOMAIN "Obligor"; each is
/// consulted on its own, seed line 37), a later claim for newly found damage, related cases; both sides see each link.
/// </summary>
public sealed class CaseLinkHandlerTests
{
    private static readonly Actor Officer = new("officer-1", Roles.Department, "南通市生态环境局");
    private static readonly Actor Intake = new("intake-1", Roles.Department);
    private readonly FakeStore _store = new();
    private readonly FakeLinkStore _links;
    private readonly CaseCommandHandler _commands;
    private readonly CaseLinkHandler _handler;

    public CaseLinkHandlerTests()
    {
        var engine = new WorkflowEngine(ShippedCatalog.Catalog);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        _links = new FakeLinkStore(_store);
        _commands = new CaseCommandHandler(engine, _store, _store, _store, time);
        _handler = new CaseLinkHandler(engine, _store, _store, _links, _links, time);
    }

    private async Task<string> StartAsync(string? id = null)
    {
        var outcome = await _commands.HandleAsync(new StartCase(
            "claim", null,
            new Dictionary<string, object?> { ["channel"] = "suddenIncident", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan", ["description"] = "两家企业共同排污" },
            Intake, CaseId: id));
        Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
        return outcome.CaseId;
    }

    private static SplitCase Split(string id, string? key = null, string? secondId = null) =>
        new(id, [new SplitObligor("甲化工有限公司", "甲化工", "obligor-a"), new SplitObligor("乙印染厂", null, secondId)], Officer, key);

    [Fact]
    public async Task Split_TwoObligors_ACasePerObligorWithTheOriginalsStartDataLinkedSplitFromInOneGroup()
    {
        var original = await StartAsync();
        var before = (await _store.LoadAsync(original))!;

        var outcome = await _handler.HandleAsync(Split(original));

        Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(original, outcome.CaseId);
        Assert.Equal(before.Case.Version + 1, outcome.Version);
        Assert.Equal(1, _links.Groups);
        Assert.Equal(2, outcome.Links.Count);
        Assert.All(outcome.Links, l => Assert.Equal((CaseLinkKinds.SplitFrom, original, "officer-1"), (l.Kind, l.ToCaseId, l.Actor)));
        Assert.Equal("obligor-a", outcome.Links[0].FromCaseId);
        foreach (var (link, obligor) in outcome.Links.Zip(["甲化工有限公司", "乙印染厂"]))
        {
            var split = (await _store.LoadAsync(link.FromCaseId))!.Case;
            Assert.Equal((before.Case.DefinitionId, before.Case.DefinitionVersion), (split.DefinitionId, split.DefinitionVersion));
            Assert.Equal(before.Case.Data.OrderBy(d => d.Key), split.Data.OrderBy(d => d.Key));
            Assert.Equal("intake-1", split.History[0].ActorId); // started as the original's starter
            var participant = Assert.Single(split.Participants);
            Assert.Equal((obligor, CaseLinkHandler.ObligorRole, "officer-1"), (participant.Name, participant.Role, participant.AddedBy));
            Assert.Equal([new LinkedCase(original, CaseLinkKinds.SplitFrom, link.At, "officer-1", null)], await _links.ListAsync(link.FromCaseId));
            Assert.True((await AuditChainVerifier.VerifyAsync(_store, link.FromCaseId)).IsIntact);
        }

        Assert.Equal(outcome.Links.Select(l => (l.FromCaseId, CaseLinkKinds.SplitInto)), (await _links.ListAsync(original)).Select(l => (l.CaseId, l.Kind)));
        var onOriginal = (await _store.ReadAsync(original)).Select(e => e.Event).Where(e => e.Kind == LinkChangeSets.AuditKind).ToArray();
        Assert.Equal(2, onOriginal.Length);
        Assert.All(onOriginal, e => Assert.Equal("link:splitInto", e.Trigger));
        Assert.True((await AuditChainVerifier.VerifyAsync(_store, original)).IsIntact);
        var linked = _store.Commits.SelectMany(c => c.Outbox).Where(m => m.Type == OutboxMessageTypes.CaseLinked).ToArray();
        Assert.Equal(2, linked.Length);
        Assert.All(linked, m => Assert.Contains($"\"linkedCaseId\":\"{original}\"", m.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Split_OneObligorsCaseIdTaken_VersionConflictAndNothingWritten()
    {
        var original = await StartAsync();
        await StartAsync("taken");
        var commits = _store.Commits.Count;

        var outcome = await _handler.HandleAsync(Split(original, secondId: "taken"));

        Assert.Equal(OutcomeKind.VersionConflict, outcome.Kind);
        Assert.Equal(commits, _store.Commits.Count);
        Assert.Null(await _store.LoadAsync("obligor-a"));
        Assert.Empty(_links.Links);
    }

    [Fact]
    public async Task Split_RetryWithTheSameKey_ReplaysTheLinksAndWritesNothing()
    {
        var original = await StartAsync();
        var first = await _handler.HandleAsync(Split(original, key: "split-1"));
        var commits = _store.Commits.Count;

        var retry = await _handler.HandleAsync(Split(original, key: "split-1"));
        var other = await _handler.HandleAsync(new SplitCase(original, [new SplitObligor("丙")], Officer, "split-1"));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Links, retry.Links);
        Assert.Equal(OutcomeKind.IdempotencyConflict, other.Kind);
        Assert.Equal(commits, _store.Commits.Count);
        Assert.Equal(2, _links.Links.Count);
    }

    [Fact]
    public async Task Split_CallerWhoseRoleMayNotStartTheDefinition_RoleNotAllowedNothingWritten()
    {
        var original = await StartAsync();
        var commits = _store.Commits.Count;

        var outcome = await _handler.HandleAsync(new SplitCase(original, [new SplitObligor("甲")], new Actor("judge-1", Roles.Court)));
        var claim = await _handler.HandleAsync(new StartSupplementaryClaim(original, new Actor("judge-1", Roles.Court)));

        Assert.Equal(RefusalKind.RoleNotAllowed, Assert.Single(outcome.Refusals).Kind);
        Assert.Equal(RefusalKind.RoleNotAllowed, Assert.Single(claim.Refusals).Kind);
        Assert.Equal(commits, _store.Commits.Count);
    }

    [Fact]
    public async Task Split_NoObligor_Refused()
    {
        var original = await StartAsync();

        var outcome = await _handler.HandleAsync(new SplitCase(original, [], Officer));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Equal(RefusalKind.InvalidData, Assert.Single(outcome.Refusals).Kind);
    }

    [Fact]
    public async Task StartSupplementaryClaim_NewlyFoundDamage_NewCaseLinkedSupplementaryToSeenFromBothSides()
    {
        var original = await StartAsync();

        var outcome = await _handler.HandleAsync(new StartSupplementaryClaim(original, Officer, CaseId: "later", Description: "新发现地下水污染"));

        Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
        Assert.Equal("later", outcome.CaseId);
        Assert.NotNull(outcome.PermittedTriggers);
        var link = Assert.Single(outcome.Links);
        Assert.Equal(("later", original, CaseLinkKinds.SupplementaryTo, "新发现地下水污染"), (link.FromCaseId, link.ToCaseId, link.Kind, link.Note));
        Assert.Equal(CaseLinkKinds.SupplementedBy, Assert.Single(await _links.ListAsync(original)).Kind);
        Assert.Equal(CaseLinkKinds.SupplementaryTo, Assert.Single(await _links.ListAsync("later")).Kind);
        Assert.True((await AuditChainVerifier.VerifyAsync(_store, original)).IsIntact);
        Assert.True((await AuditChainVerifier.VerifyAsync(_store, "later")).IsIntact);
    }

    [Fact]
    public async Task LinkCase_Related_BothSidesAuditedAndADuplicateEitherWayIsLinkExists()
    {
        var a = await StartAsync();
        var b = await StartAsync();

        var linked = await _handler.HandleAsync(new LinkCase(a, b, CaseLinkKinds.Related, Officer) { Scope = AccessScope.Everything });
        var again = await _handler.HandleAsync(new LinkCase(b, a, CaseLinkKinds.Related, Officer) { Scope = AccessScope.Everything });

        Assert.Equal(OutcomeKind.Accepted, linked.Kind);
        Assert.Equal(RefusalKind.LinkExists, Assert.Single(again.Refusals).Kind);
        Assert.Equal(CaseLinkKinds.Related, Assert.Single(await _links.ListAsync(b)).Kind);
        Assert.Equal(2, (await _store.LoadAsync(a))!.Case.Version);
        Assert.Equal(2, (await _store.LoadAsync(b))!.Case.Version);
        Assert.Contains(await _store.ReadAsync(b), e => e.Event.Kind == LinkChangeSets.AuditKind);
    }

    [Theory]
    [InlineData("self", CaseLinkKinds.Related, OutcomeKind.Refused)]
    [InlineData("missing", CaseLinkKinds.Related, OutcomeKind.NotFound)]
    [InlineData("other", CaseLinkKinds.SplitFrom, OutcomeKind.Refused)]
    public async Task LinkCase_BadTarget_NothingWritten(string target, string kind, OutcomeKind expected)
    {
        var a = await StartAsync("self");
        await StartAsync("other");
        var commits = _store.Commits.Count;

        var outcome = await _handler.HandleAsync(new LinkCase(a, target, kind, Officer) { Scope = AccessScope.Everything });

        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(commits, _store.Commits.Count);
    }

    [Fact]
    public void Fingerprint_LinkCommands_DifferByEveryMember()
    {
        var prints = new[]
        {
            RequestFingerprint.Of(Split("a")),
            RequestFingerprint.Of(Split("a", secondId: "b")),
            RequestFingerprint.Of(new LinkCase("a", "b", CaseLinkKinds.Related, Officer)),
            RequestFingerprint.Of(new LinkCase("a", "b", CaseLinkKinds.SupplementaryTo, Officer)),
            RequestFingerprint.Of(new StartSupplementaryClaim("a", Officer)),
            RequestFingerprint.Of(new StartSupplementaryClaim("a", Officer, Description: "x")),
        };

        Assert.Equal(prints.Length, prints.Distinct().Count());
        Assert.Equal(RequestFingerprint.Of(Split("a", key: "k1")), RequestFingerprint.Of(Split("a", key: "k2")));
    }

    [Fact]
    public async Task Outcome_WithLinks_RoundTripsAsTheIdempotencyRecordStoresIt()
    {
        var original = await StartAsync();
        var outcome = await _handler.HandleAsync(Split(original));

        var back = JsonSerializer.Deserialize<CommandOutcome>(JsonSerializer.Serialize(outcome, CaseJson.Options), CaseJson.Options)!;

        Assert.Equal(outcome.Links, back.Links);
    }

    // Issue 13: LinkCase had no role or scope check.
    [Fact]
    public async Task LinkCase_OutsideTheCallersScope_OrByARoleFiringNoTrigger_IsRefusedAndNothingWritten()
    {
        var a = await StartAsync();
        var b = await StartAsync();

        var unscoped = await _handler.HandleAsync(new LinkCase(a, b, CaseLinkKinds.Related, Officer));
        var reader = await _handler.HandleAsync(new LinkCase(a, b, CaseLinkKinds.Related, new Actor("auditor-1", "auditor")) { Scope = AccessScope.Everything });

        Assert.Equal(RefusalKind.RoleNotAllowed, Assert.Single(unscoped.Refusals).Kind);
        Assert.Equal(RefusalKind.RoleNotAllowed, Assert.Single(reader.Refusals).Kind);
        Assert.Empty(await _links.ListAsync(a));
        Assert.Equal(1, (await _store.LoadAsync(a))!.Case.Version);
    }
}
