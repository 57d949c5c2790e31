using System.Text.Json;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>
/// Turns a <see cref="TickResult"/> into the rows it writes: per reminder a <c>DeadlineReminder</c> audit
/// event and a <c>case.deadlineReminder</c> message; per overdue deadline an <c>Escalated</c> (or
/// <c>DeadlineOverdue</c>) audit event with the legal basis and lateness, a <c>case.deadlineOverdue</c>
/// message, a <c>case.escalated</c> message when escalated, and the audited transitions of an auto-fired trigger.
/// </summary>
internal static class DeadlineChangeSetBuilder
{
    public static CaseChangeSet Build(WorkflowCatalog catalog, StoredCase before, TickResult tick, Instant now, Duration lateAfter, TimeProvider time)
    {
        var after = tick.Case;
        var meaning = new CaseMeaning(catalog, before.Case, after);
        var audit = new List<AuditEvent>();
        var outbox = new List<OutboxMessage>();
        var sequence = before.AuditSequence;
        var head = before.AuditHead;
        var actor = DeadlineActor.Actor;

        foreach (var e in tick.Events)
        {
            var d = e.Deadline;
            var late = e.Lateness > lateAfter;
            var kind = e.Kind == DeadlineEventKind.Reminder ? DeadlineAuditKinds.Reminder
                : e.EscalatedTo is not null ? DeadlineAuditKinds.Escalated
                : DeadlineAuditKinds.Overdue;
            Append(kind, $"deadline:{d.Key}", d.State, d.State, Details(e, late));
            var payload = new
            {
                caseId = after.Id,
                version = after.Version,
                deadline = d.Key,
                d.DeadlineId,
                d.Due,
                d.LastDay,
                role = e.Role,
                offset = e.Offset,
                scheduledAt = e.ScheduledAt,
                handledAt = e.HandledAt,
                latenessSeconds = e.Lateness.TotalSeconds,
                late,
                basis = e.Basis,
            };
            if (e.Kind == DeadlineEventKind.Reminder)
            {
                outbox.Add(Message(OutboxMessageTypes.DeadlineReminder, payload));
                continue;
            }

            outbox.Add(Message(OutboxMessageTypes.DeadlineOverdue, payload));
            if (e.EscalatedTo is { } role)
            {
                outbox.Add(Message(OutboxMessageTypes.Escalated, new { caseId = after.Id, version = after.Version, escalatedTo = role, deadline = d.Key, basis = e.Basis, late, latenessSeconds = e.Lateness.TotalSeconds }));
            }

            if (e.AutoFire is { Accepted: true } fired)
            {
                foreach (var step in ChangeSetBuilder.Flatten(fired))
                {
                    var transition = step.Entered.Count > 0 || step.Exited.Count > 0 || step.From != step.To;
                    Append(transition ? "Transition" : "Internal", step.Trigger, step.From, step.To, ChangeSetBuilder.Diff(before.Case.Data, step.Changes, null));
                    if (transition)
                    {
                        outbox.Add(Message(OutboxMessageTypes.StateChanged, new { caseId = after.Id, version = after.Version, trigger = step.Trigger, from = step.From, to = step.To, states = after.States }, meaning.StateChanged(step.Trigger)));
                    }

                    outbox.AddRange(step.Actions.Select(a => Message(OutboxMessageTypes.ActionRequested, new { caseId = after.Id, version = after.Version, action = a }, meaning.Action(a))));
                    outbox.AddRange(step.DeadlinesOpened.Select(o => Message(OutboxMessageTypes.DeadlineOpened, new { caseId = after.Id, deadline = o.Key, o.DeadlineId, o.Due, o.LastDay })));
                    outbox.AddRange(step.DeadlinesClosed.Select(c => Message(OutboxMessageTypes.DeadlineClosed, new { caseId = after.Id, deadline = c.Key, c.DeadlineId, c.ClosedAt })));
                }
            }
        }

        return new CaseChangeSet(after, before.Case.Version, audit, ChangeSetBuilder.Scheduled(after), outbox, null, null) { Listing = meaning.Listing };

        void Append(string kind, string trigger, string from, string to, string diff)
        {
            var e = AuditHasher.Seal(new AuditEvent(
                after.Id, ++sequence, now, kind, actor.Id, actor.Role, actor.Department, trigger, from, to, diff,
                after.Frames[0].DefinitionKey, after.Version, head, string.Empty));
            audit.Add(e);
            head = e.Hash;
        }

        OutboxMessage Message(string type, object payload, string? name = null) =>
            new(OutboxIds.Next(time.GetUtcNow()), after.Id, type, JsonSerializer.Serialize(payload, CaseJson.Options), now) { Name = name ?? type };
    }

    /// <summary>
    /// The audit details of a deadline event, canonical JSON in ordinal key order: the deadline, when it was
    /// scheduled and handled, how late (milliseconds) and whether that counts as late, the role reminded or
    /// escalated to, the reminder offset and the legal basis.
    /// </summary>
    private static string Details(DeadlineEvent e, bool late) => CanonicalJson.Text((e, late), WriteDetails);

    private static void WriteDetails(Utf8JsonWriter w, (DeadlineEvent Event, bool Late) details)
    {
        var (e, late) = details;
        w.WriteStartObject();
        if (e.Basis is { } basis)
        {
            w.WriteStartObject("basis");
            w.WriteString("en", basis.En);
            w.WriteString("zh", basis.Zh);
            w.WriteEndObject();
        }

        w.WriteString("deadline", e.Deadline.Key);
        w.WriteString("due", InstantPattern.ExtendedIso.Format(e.Deadline.Due));
        if (e.EscalatedTo is { } escalatedTo)
        {
            w.WriteString("escalatedTo", escalatedTo);
        }

        if (e.AutoFire is { } fired)
        {
            w.WriteString("fired", fired.Trigger);
            w.WriteBoolean("firedAccepted", fired.Accepted);
        }

        w.WriteString("handledAt", InstantPattern.ExtendedIso.Format(e.HandledAt));
        w.WriteBoolean("late", late);
        w.WriteNumber("latenessMs", (long)e.Lateness.TotalMilliseconds);
        if (e.Offset is { } offset)
        {
            w.WriteString("offset", offset);
        }

        if (e.Role is { } role)
        {
            w.WriteString("role", role);
        }

        w.WriteString("scheduledAt", InstantPattern.ExtendedIso.Format(e.ScheduledAt));
        w.WriteEndObject();
    }
}
