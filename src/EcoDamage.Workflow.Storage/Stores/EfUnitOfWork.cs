using System.Text.Json;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace EcoDamage.Workflow.Storage.Stores;

/// <summary>
/// Commits a change set in one transaction. The case row is updated first with
/// <c>WHERE Version = expected</c>, so a concurrent writer either waits for the row lock and then finds
/// another version (PostgreSQL) or waits for the database lock (SQLite, <c>BEGIN IMMEDIATE</c>).
/// </summary>
internal sealed class EfUnitOfWork(WorkflowDbContext db) : IUnitOfWork
{
    public async Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var c = changes.Case;
        var head = changes.AuditEvents.Count > 0 ? changes.AuditEvents[^1] : null;
        var now = changes.AuditEvents.Count > 0 ? Ticks.From(changes.AuditEvents[0].At) : 0;
        var snapshot = CaseJson.Serialize(c);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (changes.ExpectedVersion == 0)
        {
            db.Cases.Add(new CaseRow
            {
                Id = c.Id,
                DefinitionId = c.DefinitionId,
                DefinitionVersion = c.DefinitionVersion.ToString(),
                State = c.State,
                Jurisdiction = CaseColumns.Jurisdiction(c),
                Channel = CaseColumns.Channel(c),
                Department = CaseColumns.Department(c),
                Version = c.Version,
                Snapshot = snapshot,
                AuditSequence = head?.Sequence ?? 0,
                AuditHead = head?.Hash ?? AuditHasher.Genesis,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        else
        {
            var updated = await db.Cases
                .Where(r => r.Id == c.Id && r.Version == changes.ExpectedVersion)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Version, c.Version)
                        .SetProperty(r => r.State, c.State)
                        .SetProperty(r => r.Jurisdiction, CaseColumns.Jurisdiction(c))
                        .SetProperty(r => r.Channel, CaseColumns.Channel(c))
                        .SetProperty(r => r.Department, CaseColumns.Department(c))
                        .SetProperty(r => r.DefinitionVersion, c.DefinitionVersion.ToString())
                        .SetProperty(r => r.Snapshot, snapshot)
                        .SetProperty(r => r.AuditSequence, head != null ? head.Sequence : 0)
                        .SetProperty(r => r.AuditHead, head != null ? head.Hash : AuditHasher.Genesis)
                        .SetProperty(r => r.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return new CommitResult(CommitStatus.VersionConflict, await CurrentVersionAsync(c.Id, cancellationToken).ConfigureAwait(false));
            }

            await db.Deadlines.Where(d => d.CaseId == c.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        Stage(changes);

        // The whole commit is one transaction and any failure rolls all of it back, so SaveChanges' own
        // savepoint (two extra statements per commit) buys nothing here.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return CommitResult.Committed;
        }
        catch (DbUpdateException)
        {
            // A unique key was taken by a concurrent commit: the new case's id or the idempotency key.
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            if (changes.Idempotency is { } record
                && await db.IdempotencyRecords.AnyAsync(i => i.Key == record.Key, cancellationToken).ConfigureAwait(false))
            {
                return new CommitResult(CommitStatus.IdempotencyKeyTaken);
            }

            var current = await CurrentVersionAsync(c.Id, cancellationToken).ConfigureAwait(false);
            if (current != changes.ExpectedVersion)
            {
                return new CommitResult(CommitStatus.VersionConflict, current);
            }

            throw;
        }
    }

    private async Task<long> CurrentVersionAsync(string caseId, CancellationToken cancellationToken) =>
        await db.Cases.Where(r => r.Id == caseId).Select(r => (long?)r.Version).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0;

    private void Stage(CaseChangeSet changes)
    {
        db.AuditEvents.AddRange(changes.AuditEvents.Select(e => new AuditEventRow
        {
            CaseId = e.CaseId,
            Sequence = e.Sequence,
            At = Ticks.From(e.At),
            Kind = e.Kind,
            ActorId = e.ActorId,
            Role = e.Role,
            Department = e.Department,
            Trigger = e.Trigger,
            FromState = e.FromState,
            ToState = e.ToState,
            DataDiff = e.DataDiff,
            DefinitionKey = e.DefinitionKey,
            CaseVersion = e.CaseVersion,
            PreviousHash = e.PreviousHash,
            Hash = e.Hash,
            Payload = AuditHasher.Canonical(e),
        }));
        db.Deadlines.AddRange(changes.Deadlines.Select(d => new DeadlineRow
        {
            CaseId = d.CaseId,
            Key = d.Key,
            DefinitionId = d.DefinitionId,
            DeadlineId = d.DeadlineId,
            State = d.State,
            Due = Ticks.From(d.Due),
            Status = d.Status,
            NextEventAt = Ticks.From(d.NextEventAt),
        }));
        db.Outbox.AddRange(changes.Outbox.Select(o => new OutboxRow
        {
            Id = o.Id,
            CaseId = o.CaseId,
            Type = o.Type,
            Payload = o.Payload,
            OccurredAt = Ticks.From(o.OccurredAt),
        }));
        if (changes.Document is { } d)
        {
            db.Documents.Add(new DocumentRow
            {
                Id = d.Id,
                CaseId = d.CaseId,
                DocumentType = d.DocumentType,
                FileName = d.FileName,
                MediaType = d.MediaType,
                Length = d.Length,
                Sha256 = d.Sha256,
                ServedOn = LocalDatePattern.Iso.Format(d.ServedOn),
                AttachedAt = Ticks.From(d.AttachedAt),
                AttachedBy = d.AttachedBy,
            });
        }

        if (changes.Idempotency is { } i)
        {
            db.IdempotencyRecords.Add(new IdempotencyRow
            {
                Key = i.Key,
                RequestHash = i.RequestHash,
                CaseId = i.CaseId,
                Outcome = JsonSerializer.Serialize(i.Outcome, CaseJson.Options),
                CreatedAt = Ticks.From(i.CreatedAt),
            });
        }

    }
}
