using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Tests.Commands;

public sealed class CaseCommandHandlerTests
{
    private static readonly Actor Department = new("user-1", Roles.Department, "南通市生态环境局");
    private readonly FakeStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly CaseCommandHandler _handler;

    public CaseCommandHandlerTests() =>
        _handler = new CaseCommandHandler(new WorkflowEngine(ShippedCatalog.Catalog), _store, _store, _store, _time);

    private static StartCase Start(string? key = null, string jurisdiction = "chongchuan") => new(
        "claim",
        null,
        new Dictionary<string, object?> { ["channel"] = "suddenIncident", ["domain"] = "environmentalPollution", ["jurisdiction"] = jurisdiction },
        Department,
        key);

    private static FireTrigger Fire(string caseId, string trigger, string? key = null, long? expected = null) =>
        new(caseId, trigger, new Dictionary<string, object?>(), Department, key, expected);

    [Fact]
    public async Task HandleAsync_Start_CommitsSnapshotAuditOutboxAndDeadlines()
    {
        var outcome = await _handler.HandleAsync(Start());

        Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
        var commit = Assert.Single(_store.Commits);
        Assert.Equal(0, commit.ExpectedVersion);
        var started = Assert.Single(commit.AuditEvents);
        Assert.Equal("Started", started.Kind);
        Assert.Equal("南通市生态环境局", started.Department);
        Assert.Equal(AuditHasher.Genesis, started.PreviousHash);
        Assert.Contains(commit.Outbox, m => m.Type == OutboxMessageTypes.CaseStarted);
        Assert.Equal(outcome.Result!.Case.ActiveDeadlines.Count(), commit.Deadlines.Count);
        Assert.Contains("\"jurisdiction\":{\"from\":null,\"to\":{\"text\":\"chongchuan\"}}", started.DataDiff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_StartClaim_OutboxRowNamedByTheDefinition()
    {
        await _handler.HandleAsync(Start(jurisdiction: "haimen"));

        var commit = Assert.Single(_store.Commits);
        var started = Assert.Single(commit.Outbox, m => m.Type == OutboxMessageTypes.CaseStarted);
        Assert.Equal("clue.registered", started.Name);
        Assert.Equal("haimen", commit.Listing.Jurisdiction);
        Assert.Equal("suddenIncident", commit.Listing.Channel);
        Assert.NotNull(commit.Listing.Department);
    }

    [Fact]
    public async Task HandleAsync_SameKeySameRequest_ReturnsTheFirstOutcomeAndCommitsNothing()
    {
        var first = await _handler.HandleAsync(Start("k1"));
        _time.Advance(TimeSpan.FromMinutes(5));

        var retry = await _handler.HandleAsync(Start("k1"));

        Assert.True(retry.Replayed);
        Assert.Equal(first with { Replayed = true, Result = null }, retry with { Result = null }, new OutcomeComparer());
        Assert.Single(_store.Commits);
    }

    [Fact]
    public async Task HandleAsync_SameKeyDifferentRequest_IsAnIdempotencyConflict()
    {
        var first = await _handler.HandleAsync(Start("k1"));

        var other = await _handler.HandleAsync(Start("k1", jurisdiction: "haimen"));

        Assert.Equal(OutcomeKind.IdempotencyConflict, other.Kind);
        Assert.Equal(first.CaseId, other.CaseId);
        Assert.Single(_store.Commits);
    }

    [Fact]
    public async Task HandleAsync_KeyTakenByAConcurrentCommit_AnswersAsARetry()
    {
        var first = await _handler.HandleAsync(Start("k1"));
        var fire = Fire(first.CaseId, "StartPreliminaryCheck", "k2");
        _store.Remember(new IdempotencyRecord(Runtime.Idempotency.IdempotencyKeys.Scoped(fire.Actor.Id, "k2"), Runtime.Idempotency.RequestFingerprint.Of(fire), first.CaseId,
            CommandOutcome.VersionConflict(first.CaseId, 7), Instant.FromUtc(2026, 3, 2, 2, 0)));
        _store.NextCommit = new CommitResult(CommitStatus.IdempotencyKeyTaken);

        // The commit finds the key taken and the record answers: a replay, not a second commit.
        var outcome = await _handler.HandleAsync(fire);

        Assert.True(outcome.Replayed);
        Assert.Single(_store.Commits);
    }

    [Fact]
    public async Task HandleAsync_Refused_CommitsNothingAndReturnsTheEngineReasons()
    {
        var started = await _handler.HandleAsync(Start());

        var outcome = await _handler.HandleAsync(Fire(started.CaseId, "OpenCase", "k-refused"));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.NotEmpty(outcome.Refusals);
        Assert.Single(_store.Commits);
        Assert.Null(await _store.FindAsync("k-refused"));
    }

    [Fact]
    public async Task HandleAsync_StaleExpectedVersion_IsAVersionConflictWithTheCurrentVersion()
    {
        var started = await _handler.HandleAsync(Start());

        var outcome = await _handler.HandleAsync(Fire(started.CaseId, "StartPreliminaryCheck", expected: started.Version!.Value + 3));

        Assert.Equal(OutcomeKind.VersionConflict, outcome.Kind);
        Assert.Equal(started.Version, outcome.Version);
        Assert.Single(_store.Commits);
    }

    [Fact]
    public async Task HandleAsync_LostRaceAtCommit_IsAVersionConflict()
    {
        var started = await _handler.HandleAsync(Start());
        _store.NextCommit = new CommitResult(CommitStatus.VersionConflict, 9);

        var outcome = await _handler.HandleAsync(Fire(started.CaseId, "StartPreliminaryCheck"));

        Assert.Equal(OutcomeKind.VersionConflict, outcome.Kind);
        Assert.Equal(9, outcome.Version);
    }

    [Fact]
    public async Task HandleAsync_UnknownCase_IsNotFound()
    {
        var outcome = await _handler.HandleAsync(Fire("nope", "StartPreliminaryCheck"));

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        Assert.Empty(_store.Commits);
    }

    [Fact]
    public async Task HandleAsync_SeveralCommands_ChainTheirAuditEvents()
    {
        var started = await _handler.HandleAsync(Start());
        await _handler.HandleAsync(Fire(started.CaseId, "StartPreliminaryCheck"));
        await _handler.HandleAsync(new AttachDocument(started.CaseId, "preliminaryCheckReport", new LocalDate(2026, 3, 2),
            "report.pdf", "application/pdf", 3, DocumentHash.Of("abc"u8), Department));

        var report = AuditChainVerifier.Verify(started.CaseId, await _store.ReadAsync(started.CaseId));

        Assert.True(report.IsIntact, report.Reason);
        Assert.Equal(3, report.EventsChecked);
        Assert.Contains(_store.Commits[^1].Outbox, m => m.Type == OutboxMessageTypes.DocumentAttached);
    }

    private sealed class OutcomeComparer : IEqualityComparer<CommandOutcome>
    {
        public bool Equals(CommandOutcome? x, CommandOutcome? y) =>
            x!.Kind == y!.Kind && x.CaseId == y.CaseId && x.Version == y.Version && x.States.SequenceEqual(y.States)
            && x.Refusals.SequenceEqual(y.Refusals) && x.Replayed == y.Replayed;

        public int GetHashCode(CommandOutcome obj) => obj.CaseId.GetHashCode(StringComparison.Ordinal);
    }
}
