using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Extensions.Time.Testing;

namespace EcoDamage.Workflow.Runtime.Tests.Commands;

public sealed class AddParticipantTests
{
    private static readonly Actor Procuratorate = new("procurator-1", Roles.Procuratorate);
    private readonly FakeStore _store = new();
    private readonly CaseCommandHandler _handler;

    public AddParticipantTests() =>
        _handler = new CaseCommandHandler(
            new WorkflowEngine(ShippedCatalog.Catalog), _store, _store, _store, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));

    private async Task<CommandOutcome> StartAsync() => await _handler.HandleAsync(new StartCase(
        "claim", null,
        new Dictionary<string, object?> { ["channel"] = "suddenIncident", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan" },
        new Actor("user-1", Roles.Department)));

    [Fact]
    public async Task HandleAsync_AddParticipant_InSnapshotAuditChainAndOutbox()
    {
        var started = await StartAsync();

        var outcome = await _handler.HandleAsync(new AddParticipant(started.CaseId, "李四", "expert", "南通大学", Procuratorate, ExpectedVersion: 1));

        Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(2, outcome.Version);
        var participant = Assert.Single(outcome.Case!.Participants);
        Assert.Equal(("李四", "expert", "南通大学", "procurator-1"), (participant.Name, participant.Role, participant.Organisation, participant.AddedBy));
        Assert.NotNull(outcome.PermittedTriggers);
        var commit = _store.Commits[^1];
        var added = Assert.Single(commit.AuditEvents);
        Assert.Equal("ParticipantAdded", added.Kind);
        Assert.Contains("李四", added.DataDiff, StringComparison.Ordinal);
        Assert.Contains(commit.Outbox, m => m.Type == OutboxMessageTypes.ParticipantAdded);
        Assert.True((await AuditChainVerifier.VerifyAsync(_store, started.CaseId)).IsIntact);
        Assert.Equal(commit.Case, CaseJson.Deserialize(CaseJson.Serialize(commit.Case)) with { Version = commit.Case.Version }, new SnapshotComparer());
    }

    [Fact]
    public async Task HandleAsync_AddParticipantStaleVersion_VersionConflictNothingWritten()
    {
        var started = await StartAsync();

        var outcome = await _handler.HandleAsync(new AddParticipant(started.CaseId, "李四", "expert", null, Procuratorate, ExpectedVersion: 5));

        Assert.Equal(OutcomeKind.VersionConflict, outcome.Kind);
        Assert.Single(_store.Commits);
    }

    // Snapshots compare by their JSON: the record's collections compare by reference.
    private sealed class SnapshotComparer : IEqualityComparer<CaseInstance>
    {
        public bool Equals(CaseInstance? x, CaseInstance? y) =>
            x is not null && y is not null && CaseJson.Serialize(x) == CaseJson.Serialize(y) && x.Participants.Count == y.Participants.Count;

        public int GetHashCode(CaseInstance obj) => 0;
    }
}
