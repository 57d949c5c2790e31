using EcoDamage.Workflow.Runtime.Links;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Tests.Commands;

namespace EcoDamage.Workflow.Runtime.Tests.Links;

/// <summary>The link ports over <see cref="FakeStore"/>: a group is checked whole before any of it is kept (all or nothing).</summary>
internal sealed class FakeLinkStore(FakeStore store) : ICaseLinks, ICaseGroupCommit
{
    public List<CaseLink> Links { get; } = [];

    public int Groups { get; private set; }

    public Task<IReadOnlyList<LinkedCase>> ListAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LinkedCase>>(Links.Where(l => l.FromCaseId == caseId || l.ToCaseId == caseId).Select(l => l.SeenFrom(caseId)).ToArray());

    public async Task<CommitResult> CommitAllAsync(IReadOnlyList<CaseChangeSet> group, CancellationToken cancellationToken = default)
    {
        foreach (var changes in group)
        {
            if (changes.Idempotency is { } key && await store.FindAsync(key.Key, cancellationToken) is not null)
            {
                return new CommitResult(CommitStatus.IdempotencyKeyTaken);
            }

            var current = (await store.LoadAsync(changes.Case.Id, cancellationToken))?.Case.Version ?? 0;
            if (current != changes.ExpectedVersion)
            {
                return new CommitResult(CommitStatus.VersionConflict, current);
            }
        }

        foreach (var changes in group)
        {
            Assert.Equal(CommitStatus.Committed, (await store.CommitAsync(changes, cancellationToken)).Status);
            Links.AddRange(changes.Links);
        }

        Groups++;
        return CommitResult.Committed;
    }
}
