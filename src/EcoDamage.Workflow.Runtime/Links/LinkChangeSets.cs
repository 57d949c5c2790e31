using System.Text.Json;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Links;

/// <summary>
/// The rows a link writes on each of its cases: the case one version on (its snapshot otherwise unchanged), a
/// <c>Linked</c> audit event per link chained after the case's head, and, on the case a link is stored from, the link
/// row and a <c>case.linked</c> outbox row. Change sets of one case made one after the other are joined into one.
/// </summary>
internal static class LinkChangeSets
{
    /// <summary>The audit kind of a link recorded on a case.</summary>
    public const string AuditKind = "Linked";

    public static CaseChangeSet Build(WorkflowCatalog catalog, StoredCase before, IReadOnlyList<CaseLink> links, Actor actor, Instant now, TimeProvider time)
    {
        var after = before.Case with { Version = before.Case.Version + 1 };
        var sequence = before.AuditSequence;
        var head = before.AuditHead;
        var audit = new List<AuditEvent>();
        var outbox = new List<OutboxMessage>();
        foreach (var link in links)
        {
            var seen = link.SeenFrom(after.Id);
            var e = AuditHasher.Seal(new AuditEvent(
                after.Id, ++sequence, now, AuditKind, actor.Id, actor.Role, actor.Department, $"link:{seen.Kind}", after.State, after.State,
                CanonicalJson.Text(seen, WriteDetails), after.Frames[0].DefinitionKey, after.Version, head, string.Empty));
            audit.Add(e);
            head = e.Hash;
            if (string.Equals(link.FromCaseId, after.Id, StringComparison.Ordinal))
            {
                var payload = new
                {
                    caseId = link.FromCaseId,
                    version = after.Version,
                    linkedCaseId = link.ToCaseId,
                    kind = link.Kind,
                    inverseKind = CaseLinkKinds.Inverse(link.Kind),
                    at = link.At,
                    actor = link.Actor,
                    note = link.Note,
                };
                outbox.Add(new OutboxMessage(OutboxIds.Next(time.GetUtcNow()), after.Id, OutboxMessageTypes.CaseLinked, JsonSerializer.Serialize(payload, CaseJson.Options), now));
            }
        }

        return new CaseChangeSet(after, before.Case.Version, audit, ChangeSetBuilder.Scheduled(after), outbox, null, null)
        {
            DeadlinesUnchanged = true,
            Listing = new CaseMeaning(catalog, before.Case, after).Listing,
            TextUnchanged = true,
            Links = links.Where(l => string.Equals(l.FromCaseId, after.Id, StringComparison.Ordinal)).ToArray(),
        };
    }

    /// <summary>The case as stored after <paramref name="changes"/>: the base of a change set that follows it in the same commit.</summary>
    public static StoredCase After(CaseChangeSet changes) =>
        new(changes.Case, changes.AuditEvents[^1].Sequence, changes.AuditEvents[^1].Hash);

    /// <summary>Joins two change sets of one case, <paramref name="next"/> computed on the result of <paramref name="first"/>, into one.</summary>
    public static CaseChangeSet Then(CaseChangeSet first, CaseChangeSet next) =>
        new(next.Case, first.ExpectedVersion, [.. first.AuditEvents, .. next.AuditEvents], next.Deadlines, [.. first.Outbox, .. next.Outbox],
            first.Document ?? next.Document, first.Idempotency ?? next.Idempotency)
        {
            DeadlinesUnchanged = first.DeadlinesUnchanged && next.DeadlinesUnchanged,
            Listing = next.Listing,
            TextUnchanged = first.TextUnchanged && next.TextUnchanged,
            Links = [.. first.Links, .. next.Links],
        };

    private static void WriteDetails(Utf8JsonWriter w, LinkedCase seen)
    {
        w.WriteStartObject();
        w.WriteString("caseId", seen.CaseId);
        w.WriteString("kind", seen.Kind);
        if (seen.Note is { } note)
        {
            w.WriteString("note", note);
        }

        w.WriteEndObject();
    }
}
