using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Idempotency;
using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>
/// The commands that make linked cases (<see cref="SplitCase"/>, <see cref="StartSupplementaryClaim"/>,
/// <see cref="LinkCase"/>): every case concerned, its audit events, outbox rows and the link rows are committed as one
/// group (<see cref="ICaseGroupCommit"/>), so a refusal or a conflict anywhere writes nothing. A new case starts on the
/// original's definition id and pinned version, with the original's start data (the inputs its definition's
/// <c>start:</c> declares), started as the actor who started the original; the caller is recorded on the links.
/// </summary>
/// <param name="engine">The pure engine.</param>
/// <param name="cases">Reads cases.</param>
/// <param name="idempotency">Reads idempotency records.</param>
/// <param name="links">Reads existing links (a duplicate is refused).</param>
/// <param name="commit">Commits the group.</param>
/// <param name="time">The only clock.</param>
/// <param name="outboxSignal">Told after a commit (none: nobody is told).</param>
public sealed class CaseLinkHandler(
    WorkflowEngine engine,
    ICaseStore cases,
    IIdempotencyStore idempotency,
    ICaseLinks links,
    ICaseGroupCommit commit,
    TimeProvider time,
    IOutboxSignal? outboxSignal = null)
{
    /// <summary>The participant role of the obligor each split case records (赔偿义务人).</summary>
    public const string ObligorRole = "obligor";

    /// <summary>Handles a link command.</summary>
    /// <param name="command">A <see cref="SplitCase"/>, <see cref="StartSupplementaryClaim"/> or <see cref="LinkCase"/>.</param>
    /// <param name="cancellationToken">Cancels the work (nothing is written unless the commit completed).</param>
    /// <returns>
    /// The outcome: accepted ones carry <see cref="CommandOutcome.Links"/> (stored with the idempotency key, so a retry answers
    /// them too) and the case named by <see cref="CommandOutcome.CaseId"/> (the original for a split, the new case for a
    /// supplementary claim, the linking case for a link).
    /// </returns>
    /// <exception cref="ArgumentException">Not a link command (a bug in the caller).</exception>
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
        var (outcome, group) = command switch
        {
            SplitCase split => await SplitAsync(split, now, cancellationToken).ConfigureAwait(false),
            StartSupplementaryClaim claim => await SupplementAsync(claim, now, cancellationToken).ConfigureAwait(false),
            LinkCase link => await LinkAsync(link, now, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"not a link command: {command.GetType()}", nameof(command)),
        };
        if (group is null)
        {
            return await ReplayAsync(idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false) ?? outcome;
        }

        if (idempotencyKey is { } key)
        {
            group[0] = group[0] with { Idempotency = new IdempotencyRecord(key, fingerprint!, outcome.CaseId, outcome, now) };
        }

        var result = await commit.CommitAllAsync(group, cancellationToken).ConfigureAwait(false);
        if (result.Status == CommitStatus.Committed)
        {
            outboxSignal?.Notify();
            return outcome with { PermittedTriggers = outcome.Case is { } c ? engine.PermittedTriggers(c, command.Actor.Role) : null };
        }

        return await ReplayAsync(idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false)
            ?? (result.Status == CommitStatus.VersionConflict
                ? CommandOutcome.VersionConflict(outcome.CaseId, result.CurrentVersion)
                : CommandOutcome.IdempotencyConflict(outcome.CaseId));
    }

    private async Task<(CommandOutcome, List<CaseChangeSet>?)> SplitAsync(SplitCase split, Instant now, CancellationToken cancellationToken)
    {
        if (await cases.LoadAsync(split.CaseId, cancellationToken).ConfigureAwait(false) is not { } original)
        {
            return (CommandOutcome.NotFound(split.CaseId), null);
        }

        if (split.ExpectedVersion is { } splitExpected && splitExpected != original.Case.Version)
        {
            return (CommandOutcome.VersionConflict(split.CaseId, original.Case.Version), null);
        }

        if (MayNotStart(original.Case, split.Actor) is { } notAllowed)
        {
            return (notAllowed, null);
        }

        if (split.Obligors.Count == 0)
        {
            return Refused(split.CaseId, RefusalKind.InvalidData, "a split names at least one obligor", "obligors");
        }

        if (engine.IsClosed(original.Case))
        {
            return Refused(split.CaseId, RefusalKind.CaseClosed, $"case '{split.CaseId}' is closed: a newly found obligor is a supplementary claim", split.CaseId);
        }

        var ids = split.Obligors.Select(o => o.CaseId ?? NewId()).ToArray();
        if (ids.Append(split.CaseId).Distinct(StringComparer.Ordinal).Count() != ids.Length + 1)
        {
            return Refused(split.CaseId, RefusalKind.InvalidData, "each obligor's case needs its own new id", "caseId");
        }

        var group = new List<CaseChangeSet>();
        var made = new List<CaseLink>();
        for (var i = 0; i < ids.Length; i++)
        {
            var (refusal, changes) = await StartLikeAsync(original, ids[i], now, cancellationToken).ConfigureAwait(false);
            if (changes is null)
            {
                return (refusal!, null);
            }

            var obligor = split.Obligors[i];
            var added = CaseParticipants.Add(changes.Case, new CaseParticipant(
                Guid.CreateVersion7(time.GetUtcNow()), obligor.Name, ObligorRole, obligor.Organisation, now, split.Actor.Id, split.Actor.Role, split.Actor.Department));
            changes = LinkChangeSets.Then(changes, ChangeSetBuilder.Build(engine.Catalog, LinkChangeSets.After(changes), added, split.Actor, null, now, time));
            var link = new CaseLink(ids[i], split.CaseId, CaseLinkKinds.SplitFrom, now, split.Actor.Id);
            changes = LinkChangeSets.Then(changes, LinkChangeSets.Build(engine.Catalog, LinkChangeSets.After(changes), [link], split.Actor, now, time));
            group.Add(changes);
            made.Add(link);
        }

        // The original first: its version-checked update holds a concurrent command on it off the whole group.
        var onOriginal = LinkChangeSets.Build(engine.Catalog, original, made, split.Actor, now, time);
        group.Insert(0, onOriginal);
        return (Accepted(onOriginal.Case, made), group);
    }

    private async Task<(CommandOutcome, List<CaseChangeSet>?)> SupplementAsync(StartSupplementaryClaim claim, Instant now, CancellationToken cancellationToken)
    {
        if (await cases.LoadAsync(claim.OriginalCaseId, cancellationToken).ConfigureAwait(false) is not { } original)
        {
            return (CommandOutcome.NotFound(claim.OriginalCaseId), null);
        }

        if (claim.ExpectedVersion is { } claimExpected && claimExpected != original.Case.Version)
        {
            return (CommandOutcome.VersionConflict(claim.OriginalCaseId, original.Case.Version), null);
        }

        if (MayNotStart(original.Case, claim.Actor) is { } notAllowed)
        {
            return (notAllowed, null);
        }

        var id = claim.CaseId ?? NewId();
        var (refusal, changes) = await StartLikeAsync(original, id, now, cancellationToken).ConfigureAwait(false);
        if (changes is null)
        {
            return (refusal!, null);
        }

        var link = new CaseLink(id, original.Case.Id, CaseLinkKinds.SupplementaryTo, now, claim.Actor.Id, claim.Description);
        changes = LinkChangeSets.Then(changes, LinkChangeSets.Build(engine.Catalog, LinkChangeSets.After(changes), [link], claim.Actor, now, time));
        var onOriginal = LinkChangeSets.Build(engine.Catalog, original, [link], claim.Actor, now, time);
        return (Accepted(changes.Case, [link]), [onOriginal, changes]);
    }

    private async Task<(CommandOutcome, List<CaseChangeSet>?)> LinkAsync(LinkCase command, Instant now, CancellationToken cancellationToken)
    {
        if (command.Kind is not (CaseLinkKinds.SupplementaryTo or CaseLinkKinds.Related))
        {
            return Refused(command.FromCaseId, RefusalKind.InvalidData,
                $"a link of kind '{command.Kind}' cannot be made between existing cases (only {CaseLinkKinds.SupplementaryTo} or {CaseLinkKinds.Related}; a split makes {CaseLinkKinds.SplitFrom})", "kind");
        }

        if (string.Equals(command.FromCaseId, command.ToCaseId, StringComparison.Ordinal))
        {
            return Refused(command.FromCaseId, RefusalKind.InvalidData, "a case cannot be linked to itself", "caseId");
        }

        if (await cases.LoadAsync(command.FromCaseId, cancellationToken).ConfigureAwait(false) is not { } from)
        {
            return (CommandOutcome.NotFound(command.FromCaseId), null);
        }

        if (await cases.LoadAsync(command.ToCaseId, cancellationToken).ConfigureAwait(false) is not { } to)
        {
            return (CommandOutcome.NotFound(command.ToCaseId), null);
        }

        var addressed = string.Equals(command.AddressedTo ?? command.FromCaseId, to.Case.Id, StringComparison.Ordinal) ? to : from;
        if (command.ExpectedVersion is { } expected && expected != addressed.Case.Version)
        {
            return (CommandOutcome.VersionConflict(addressed.Case.Id, addressed.Case.Version), null);
        }

        if (LinkAccess.Refusal(engine.Catalog, command, from.Case, to.Case) is { } refusal)
        {
            return (CommandOutcome.Refused(command.FromCaseId, [refusal]), null);
        }

        // Either direction counts: related is symmetric, and a supplementary claim cannot also be the original of its original.
        var existing = await links.ListAsync(command.FromCaseId, cancellationToken).ConfigureAwait(false);
        if (existing.FirstOrDefault(l => string.Equals(l.CaseId, command.ToCaseId, StringComparison.Ordinal)
            && (l.Kind == command.Kind || l.Kind == CaseLinkKinds.Inverse(command.Kind))) is { } found)
        {
            return Refused(command.FromCaseId, RefusalKind.LinkExists,
                $"case '{command.FromCaseId}' is already linked to '{command.ToCaseId}' ({found.Kind})", command.ToCaseId);
        }

        var link = new CaseLink(command.FromCaseId, command.ToCaseId, command.Kind, now, command.Actor.Id, command.Note);
        var onFrom = LinkChangeSets.Build(engine.Catalog, from, [link], command.Actor, now, time);
        var onTo = LinkChangeSets.Build(engine.Catalog, to, [link], command.Actor, now, time);
        // Both rows are updated in case id order, so two links made at once between the same cases in opposite directions
        // wait on each other's row lock (one then finds a stale version) instead of deadlocking.
        return (Accepted(onFrom.Case, [link]), [.. new[] { onFrom, onTo }.OrderBy(c => c.Case.Id, StringComparer.Ordinal)]);
    }

    /// <summary>A new case on the original's definition version with the original's start data, started as the original's starter.</summary>
    private async Task<(CommandOutcome?, CaseChangeSet?)> StartLikeAsync(StoredCase original, string caseId, Instant now, CancellationToken cancellationToken)
    {
        if (await cases.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (CommandOutcome.VersionConflict(caseId, existing.Case.Version), null);
        }

        var c = original.Case;
        var starter = c.History.FirstOrDefault(h => h.Kind == HistoryKind.Started) is { } started
            ? new Actor(started.ActorId, started.Role)
            : throw new InvalidOperationException($"case '{c.Id}' has no start in its history");
        var result = engine.Start(c.DefinitionId, c.DefinitionVersion, caseId, starter, now, StartData(c));
        if (!result.Accepted)
        {
            return (CommandOutcome.Refused(c.Id, result.Refusals), null);
        }

        return (null, ChangeSetBuilder.Build(engine.Catalog, Empty(result.Case), result, starter, null, now, time));
    }

    /// <summary>The original's values of the inputs its definition's <c>start:</c> declares (every settable field when it declares none).</summary>
    private Dictionary<string, object?> StartData(CaseInstance c)
    {
        var workflow = engine.Catalog.Find(c.DefinitionId, c.DefinitionVersion);
        var inputs = workflow?.Definition.Start?.Inputs.Select(i => i.Text).ToHashSet(StringComparer.Ordinal);
        return c.Data
            .Where(d => inputs?.Contains(d.Key) ?? workflow?.Definition.Fields.Any(f => f.Id == d.Key && f.Lookup is null) == true)
            .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
    }

    /// <summary>A split or a supplementary claim starts cases: the caller's role must be one the definition's <c>start:</c> allows.</summary>
    private CommandOutcome? MayNotStart(CaseInstance c, Actor actor) =>
        engine.Catalog.Find(c.DefinitionId, c.DefinitionVersion)?.Definition.Start is { } start && !start.Roles.Any(r => r.Text == actor.Role)
            ? CommandOutcome.Refused(c.Id, [new Refusal(RefusalKind.RoleNotAllowed,
                $"role '{actor.Role}' may not start a case on '{c.Frames[0].DefinitionKey}' (allowed: {string.Join(", ", start.Roles)})", actor.Role)])
            : null;

    private static StoredCase Empty(CaseInstance started) => new(started with { Version = 0 }, 0, AuditHasher.Genesis);

    private string NewId() => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    private static CommandOutcome Accepted(CaseInstance c, IReadOnlyList<CaseLink> made) =>
        new(OutcomeKind.Accepted, c.Id, c.Version, c.States, []) { Case = c, Links = made };

    private static (CommandOutcome, List<CaseChangeSet>?) Refused(string caseId, RefusalKind kind, string message, string? subject) =>
        (CommandOutcome.Refused(caseId, [new Refusal(kind, message, subject)]), null);

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
}
