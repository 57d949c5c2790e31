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
/// The rows of a recomputation of provisional deadlines: one <c>deadlines.recomputed</c> audit event naming each
/// deadline's due instant, last day and provisional flag before → after with its calendar and year, the case's deadline
/// rows, and a <c>case.deadlineRecomputed</c> message per deadline whose due instant moved (as an extension's
/// <c>case.deadlineExtended</c>).
/// </summary>
internal static class RecomputeChangeSetBuilder
{
    public static CaseChangeSet Build(WorkflowCatalog catalog, StoredCase before, RecomputeResult result, Actor actor, Instant now, TimeProvider time)
    {
        var after = result.Case;
        var changes = result.Changed.Select(c => (c.Before, c.After, Calendar: CalendarOf(catalog, before.Case, c.Before))).ToArray();
        var diff = CanonicalJson.Text(changes, WriteDetails);
        var e = AuditHasher.Seal(new AuditEvent(
            after.Id, before.AuditSequence + 1, now, DeadlineAuditKinds.Recomputed, actor.Id, actor.Role, actor.Department,
            "recompute:calendar", after.State, after.State, diff, after.Frames[0].DefinitionKey, after.Version, before.AuditHead, string.Empty));
        var outbox = changes.Where(c => c.Before.Due != c.After.Due).Select(c => new OutboxMessage(
            OutboxIds.Next(time.GetUtcNow()), after.Id, OutboxMessageTypes.DeadlineRecomputed, JsonSerializer.Serialize(new
            {
                caseId = after.Id,
                version = after.Version,
                deadline = c.Before.Key,
                c.Before.DeadlineId,
                fromDue = c.Before.Due,
                toDue = c.After.Due,
                fromLastDay = c.Before.LastDay,
                toLastDay = c.After.LastDay,
                provisional = c.After.Provisional,
                calendar = c.Calendar,
            }, CaseJson.Options), now)).ToList();
        var deadlines = ChangeSetBuilder.Scheduled(after);
        return new CaseChangeSet(after, before.Case.Version, [e], deadlines, outbox, null, null)
        {
            Listing = new CaseMeaning(catalog, before.Case, after).Listing,
            TextUnchanged = true,
        };
    }

    /// <summary>The working-day calendar of the definition (at the case's pinned version) that declares the deadline.</summary>
    private static string? CalendarOf(WorkflowCatalog catalog, CaseInstance @case, DeadlineInstance deadline)
    {
        var frame = @case.Frames.FirstOrDefault(f => f.DefinitionId == deadline.DefinitionId);
        var workflow = frame is null ? catalog.Latest(deadline.DefinitionId) : catalog.Find(frame.DefinitionId, frame.Version);
        return workflow?.Definition.Calendar.Text;
    }

    private static void WriteDetails(Utf8JsonWriter w, (DeadlineInstance Before, DeadlineInstance After, string? Calendar)[] changes)
    {
        w.WriteStartObject();
        w.WriteStartArray("deadlines");
        foreach (var (from, to, calendar) in changes)
        {
            w.WriteStartObject();
            if (calendar is not null)
            {
                w.WriteString("calendar", calendar);
            }

            w.WriteString("deadline", from.Key);
            Pair(w, "due", InstantPattern.ExtendedIso.Format(from.Due), InstantPattern.ExtendedIso.Format(to.Due));
            Pair(w, "lastDay", LocalDatePattern.Iso.Format(from.LastDay), LocalDatePattern.Iso.Format(to.LastDay));
            w.WriteStartObject("provisional");
            w.WriteBoolean("from", from.Provisional);
            w.WriteBoolean("to", to.Provisional);
            w.WriteEndObject();
            w.WriteNumber("year", to.LastDay.Year);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Pair(Utf8JsonWriter w, string name, string from, string to)
    {
        w.WriteStartObject(name);
        w.WriteString("from", from);
        w.WriteString("to", to);
        w.WriteEndObject();
    }
}
