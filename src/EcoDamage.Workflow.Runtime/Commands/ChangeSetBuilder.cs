using System.Text.Json;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>Turns an accepted <see cref="FireResult"/> into the rows one command writes.</summary>
internal static class ChangeSetBuilder
{
    public static CaseChangeSet Build(WorkflowCatalog catalog, StoredCase before, FireResult result, Actor actor, StoredDocument? document, Instant now, TimeProvider time)
    {
        var after = result.Case;
        var meaning = new CaseMeaning(catalog, before.Case, after);
        var isStart = before.Case.Version == 0;
        var oldData = isStart ? CaseData.Empty : before.Case.Data;
        var audit = new List<AuditEvent>();
        var outbox = new List<OutboxMessage>();
        var sequence = before.AuditSequence;
        var head = before.AuditHead;
        var definitionKey = after.Frames[0].DefinitionKey; // formatted on every read
        var participant = after.Participants.Count > before.Case.Participants.Count ? after.Participants[^1] : null;

        foreach (var step in Flatten(result))
        {
            var kind = isStart && step == result ? "Started"
                : document is not null ? "DocumentAttached"
                : participant is not null ? "ParticipantAdded"
                : step.Entered.Count > 0 || step.Exited.Count > 0 || step.From != step.To ? "Transition"
                : "Internal";
            var diff = CanonicalJson.Text((oldData, step.Changes, document, participant), WriteDiff);
            var e = AuditHasher.Seal(new AuditEvent(
                after.Id, ++sequence, now, kind, actor.Id, actor.Role, actor.Department, step.Trigger,
                kind == "Started" ? string.Empty : step.From, step.To, diff, definitionKey, after.Version, head, string.Empty));
            audit.Add(e);
            head = e.Hash;

            if (kind == "Started")
            {
                outbox.Add(Message(OutboxMessageTypes.CaseStarted, new { caseId = after.Id, version = after.Version, definition = e.DefinitionKey, state = step.To }, meaning.Started));
            }
            else if (kind == "Transition")
            {
                outbox.Add(Message(OutboxMessageTypes.StateChanged, new { caseId = after.Id, version = after.Version, trigger = step.Trigger, from = step.From, to = step.To, states = after.States }, meaning.StateChanged(step.Trigger)));
            }

            outbox.AddRange(step.Actions.Select(a => Message(OutboxMessageTypes.ActionRequested, new { caseId = after.Id, version = after.Version, action = a }, meaning.Action(a))));
            outbox.AddRange(step.DeadlinesOpened.Select(d => Message(OutboxMessageTypes.DeadlineOpened, new { caseId = after.Id, deadline = d.Key, d.DeadlineId, d.Due, d.LastDay })));
            outbox.AddRange(step.DeadlinesClosed.Select(d => Message(OutboxMessageTypes.DeadlineClosed, new { caseId = after.Id, deadline = d.Key, d.DeadlineId, d.ClosedAt })));
        }

        if (document is not null)
        {
            outbox.Add(Message(OutboxMessageTypes.DocumentAttached, new { caseId = after.Id, version = after.Version, document }));
        }

        if (participant is not null)
        {
            outbox.Add(Message(OutboxMessageTypes.ParticipantAdded, new { caseId = after.Id, version = after.Version, participant }));
        }

        var deadlines = Scheduled(after);
        return new CaseChangeSet(after, before.Case.Version, audit, deadlines, outbox, document, null)
        {
            // Most transitions neither open, close nor advance a deadline: the stored rows stay as they are.
            DeadlinesUnchanged = !isStart && deadlines.SequenceEqual(Scheduled(before.Case)),
            Listing = meaning.Listing,
            TextUnchanged = !isStart && Flatten(result).All(step => step.Changes.All(c => c.Value is not string && before.Case.Data.GetValueOrDefault(c.Key) is not string)),
        };

        OutboxMessage Message(string type, object payload, string? name = null) =>
            new(OutboxIds.Next(time.GetUtcNow()), after.Id, type, JsonSerializer.Serialize(payload, CaseJson.Options), now) { Name = name ?? type };
    }

    internal static ScheduledDeadline[] Scheduled(CaseInstance c) =>
        c.ActiveDeadlines
            .Select(d => new ScheduledDeadline(c.Id, d.Key, d.DefinitionId, d.DeadlineId, d.State, d.Due, d.Status.ToString(), d.NextEventAt()) { Provisional = d.Provisional })
            .ToArray();

    internal static IEnumerable<FireResult> Flatten(FireResult result)
    {
        yield return result;
        foreach (var followUp in result.FollowUps.SelectMany(Flatten))
        {
            yield return followUp;
        }
    }

    internal static string Diff(CaseData before, IReadOnlyDictionary<string, object?> changes, StoredDocument? document) =>
        CanonicalJson.Text((before, changes, document, (CaseParticipant?)null), WriteDiff);

    private static void WriteDiff(
        Utf8JsonWriter w, (CaseData Before, IReadOnlyDictionary<string, object?> Changes, StoredDocument? Document, CaseParticipant? Participant) diff)
    {
        var (before, changes, document, participant) = diff;
        w.WriteStartObject();
        var entries = changes.Select(c => (c.Key, From: before.TryGetValue(c.Key, out var old) ? old : null, To: c.Value));
        if (document is not null)
        {
            entries = entries.Append(($"document:{document.DocumentType}", null, $"sha256:{document.Sha256}"));
        }

        if (participant is not null)
        {
            // Name, role and organisation are what R34 records; the id ties the entries to the participant in the snapshot.
            var prefix = $"participant:{participant.Id:N}";
            entries = entries.Append(($"{prefix}.name", null, participant.Name))
                .Append(($"{prefix}.role", null, participant.Role))
                .Append(($"{prefix}.organisation", null, participant.Organisation));
        }

        foreach (var (key, from, to) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(key);
            w.WritePropertyName("from");
            DataValueJson.Write(w, from);
            w.WritePropertyName("to");
            DataValueJson.Write(w, to);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
