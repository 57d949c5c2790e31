using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Runtime.Idempotency;
using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>
/// The command path: idempotency check → load the case → ask the engine → commit the snapshot, audit
/// events, deadline rows, outbox rows and idempotency record in one unit of work. Every expected
/// outcome (refusal, unknown case, version or idempotency conflict) is a <see cref="CommandOutcome"/>.
/// </summary>
/// <param name="engine">The pure engine.</param>
/// <param name="cases">Reads cases.</param>
/// <param name="idempotency">Reads idempotency records.</param>
/// <param name="unitOfWork">Commits changes.</param>
/// <param name="time">The only clock.</param>
/// <param name="outboxSignal">Told after a commit that wrote outbox rows (none: nobody is told).</param>
public sealed class CaseCommandHandler(
    WorkflowEngine engine,
    ICaseStore cases,
    IIdempotencyStore idempotency,
    IUnitOfWork unitOfWork,
    TimeProvider time,
    IOutboxSignal? outboxSignal = null)
{
    /// <summary>Handles a command.</summary>
    /// <param name="command">
    /// A <see cref="StartCase"/>, <see cref="FireTrigger"/>, <see cref="AttachDocument"/>, <see cref="AddParticipant"/>,
    /// <see cref="RequestDeadlineExtension"/> or <see cref="ApproveDeadlineExtension"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the work (nothing is written unless the commit completed).</param>
    /// <returns>The outcome; an accepted one carries the case and the triggers the actor's role may fire on it.</returns>
    /// <exception cref="ArgumentException">An unknown command type (a bug in the caller).</exception>
    /// <remarks>
    /// The idempotency record is read only when the command is not accepted or its commit fails: an accepted command
    /// commits its record with its changes, and a record already there (a retry) fails that commit as a whole, so the
    /// first outcome is answered without the store being asked on the way of every first request.
    /// </remarks>
    public async Task<CommandOutcome> HandleAsync(CaseCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);

        // Keys are a namespace per caller; same-key requests of this process run one after another.
        return await IdempotencyGate.RunAsync(command, key => HandleCoreAsync(command, key, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandOutcome> HandleCoreAsync(CaseCommand command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var fingerprint = idempotencyKey is null ? null : RequestFingerprint.Of(command);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var (outcome, changes) = command switch
        {
            StartCase start => await StartAsync(start, now, cancellationToken).ConfigureAwait(false),
            FireTrigger fire => await OnCaseAsync(fire.CaseId, fire.ExpectedVersion, stored =>
                Decide(stored, engine.Fire(stored.Case, new FireRequest(fire.Trigger, fire.Actor, now, fire.Data) { Branch = fire.Branch }), fire.Actor, now, null), cancellationToken).ConfigureAwait(false),
            AttachDocument attach => await OnCaseAsync(attach.CaseId, attach.ExpectedVersion, stored =>
                Decide(stored, engine.AttachDocumentAsCaller(stored.Case, attach.DocumentType, attach.ServedOn, $"sha256:{attach.Sha256}", attach.Actor, now), attach.Actor, now,
                    new StoredDocument(Guid.CreateVersion7(time.GetUtcNow()), attach.CaseId, attach.DocumentType, attach.FileName,
                        attach.MediaType, attach.Length, attach.Sha256, attach.ServedOn, now, attach.Actor.Id)), cancellationToken).ConfigureAwait(false),
            AddParticipant add => await OnCaseAsync(add.CaseId, add.ExpectedVersion, stored =>
                Decide(stored, CaseParticipants.Add(stored.Case, new CaseParticipant(Guid.CreateVersion7(time.GetUtcNow()), add.Name, add.Role, add.Organisation, now,
                    add.Actor.Id, add.Actor.Role, add.Actor.Department) { Account = add.Account }), add.Actor, now, null), cancellationToken).ConfigureAwait(false),
            RequestDeadlineExtension request => await OnCaseAsync(request.CaseId, request.ExpectedVersion, stored => Extend(stored, request, now), cancellationToken).ConfigureAwait(false),
            ApproveDeadlineExtension approve => await OnCaseAsync(approve.CaseId, approve.ExpectedVersion, stored => Extend(stored, approve, now), cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"unknown command {command.GetType()}", nameof(command)),
        };
        if (changes is null)
        {
            // A retry of an accepted command finds the case moved on (or already there): its first outcome answers.
            return await ReplayAsync(idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false) ?? outcome;
        }

        if (idempotencyKey is { } key)
        {
            changes = changes with { Idempotency = new IdempotencyRecord(key, fingerprint!, outcome.CaseId, outcome, now) };
        }

        var commit = await unitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        if (commit.Status == CommitStatus.Committed)
        {
            if (changes.Outbox.Count > 0)
            {
                outboxSignal?.Notify();
            }

            return outcome with { PermittedTriggers = engine.PermittedTriggers(changes.Case, command.Actor.Role) };
        }

        // The key was recorded by an earlier or a concurrent request (nothing of this one was written): answer as a retry would.
        return await ReplayAsync(idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false)
            ?? (commit.Status == CommitStatus.VersionConflict
                ? CommandOutcome.VersionConflict(outcome.CaseId, commit.CurrentVersion)
                : CommandOutcome.IdempotencyConflict(outcome.CaseId));
    }

    private async Task<CommandOutcome?> ReplayAsync(string? key, string? fingerprint, CancellationToken cancellationToken)
    {
        if (key is null || await idempotency.FindAsync(key, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        return string.Equals(record.RequestHash, fingerprint, StringComparison.Ordinal)
            ? record.Outcome with { Replayed = true }
            : CommandOutcome.IdempotencyConflict(record.CaseId);
    }

    private async Task<(CommandOutcome, CaseChangeSet?)> StartAsync(StartCase start, Instant now, CancellationToken cancellationToken)
    {
        var caseId = start.CaseId ?? Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        if (start.CaseId is not null && await cases.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (CommandOutcome.VersionConflict(caseId, existing.Case.Version), null);
        }

        var result = engine.Start(start.DefinitionId, start.Version, caseId, start.Actor, now, start.Data);
        var empty = new StoredCase(result.Case with { Version = 0 }, 0, Audit.AuditHasher.Genesis);
        return Decide(empty, result, start.Actor, now, null);
    }

    private async Task<(CommandOutcome, CaseChangeSet?)> OnCaseAsync(
        string caseId,
        long? expectedVersion,
        Func<StoredCase, (CommandOutcome, CaseChangeSet?)> decide,
        CancellationToken cancellationToken)
    {
        var stored = await cases.LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (CommandOutcome.NotFound(caseId), null);
        }

        if (expectedVersion is { } expected && expected != stored.Case.Version)
        {
            return (CommandOutcome.VersionConflict(caseId, stored.Case.Version), null);
        }

        return decide(stored);
    }

    private (CommandOutcome, CaseChangeSet?) Extend(StoredCase stored, CaseCommand command, Instant now)
    {
        // A deadline engine is two references over the injected engine: made here, not injected, so the handler's
        // constructor stays the one its callers know.
        if (ExtensionAccess.Refusal(engine.Catalog, stored.Case, command) is { } refused)
        {
            return (CommandOutcome.Refused(stored.Case.Id, [refused]), null);
        }

        var deadlines = new DeadlineEngine(engine);
        var result = command switch
        {
            RequestDeadlineExtension r => deadlines.RequestExtension(
                stored.Case, r.DeadlineKey, new DeadlineExtension(r.Period, r.LastDay, r.Reason) { MaxExtension = r.MaxExtension }, r.Actor, now),
            ApproveDeadlineExtension a => deadlines.ApproveExtension(stored.Case, a.DeadlineKey, a.Actor, now),
            _ => throw new ArgumentException($"not an extension command: {command.GetType()}", nameof(command)),
        };
        if (!result.Accepted)
        {
            return (CommandOutcome.Refused(stored.Case.Id, result.Refusals), null);
        }

        var changes = ExtensionChangeSetBuilder.Build(engine.Catalog, stored, result, command is ApproveDeadlineExtension, command.Actor, now, time);
        return (new CommandOutcome(OutcomeKind.Accepted, stored.Case.Id, result.Case.Version, result.Case.States, []) { Case = result.Case }, changes);
    }

    private (CommandOutcome, CaseChangeSet?) Decide(StoredCase before, FireResult result, Actor actor, Instant now, StoredDocument? document)
    {
        if (!result.Accepted)
        {
            return (CommandOutcome.Refused(before.Case.Id, result.Refusals), null);
        }

        var changes = ChangeSetBuilder.Build(engine.Catalog, before, result, actor, document, now, time);
        return (CommandOutcome.Accepted(result), changes);
    }
}
