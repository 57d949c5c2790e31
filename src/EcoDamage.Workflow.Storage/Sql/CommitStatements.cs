using System.Globalization;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using NodaTime.Text;

namespace EcoDamage.Workflow.Storage.Sql;

/// <summary>
/// The SQL a commit runs and the values it binds, shared by both providers' units of work: quoted
/// identifiers as the migrations created them, <c>{n}</c> placeholders that a caller turns into its own
/// parameter names (a multi-statement batch on PostgreSQL, prepared single statements on SQLite).
/// </summary>
internal static class CommitStatements
{
    public static readonly Statement InsertCase = new(
        """INSERT INTO "Cases" ("Id", "DefinitionId", "DefinitionVersion", "State", "Jurisdiction", "Channel", "Department", "Version", "Snapshot", "AuditSequence", "AuditHead", "CreatedAt", "UpdatedAt", "ReferringDepartment") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13})""", 14);

    public static readonly Statement UpdateCase = new(
        """UPDATE "Cases" SET "Version" = {0}, "State" = {1}, "Jurisdiction" = {2}, "Channel" = {3}, "Department" = {4}, "DefinitionVersion" = {5}, "Snapshot" = {6}, "AuditSequence" = {7}, "AuditHead" = {8}, "UpdatedAt" = {9}, "ReferringDepartment" = {12} WHERE "Id" = {10} AND "Version" = {11}""", 13);

    /// <summary>
    /// The update when the filter columns already hold the new values (most transitions): SQLite then
    /// leaves the <c>Jurisdiction</c>, <c>Channel</c> and <c>Department</c> indexes alone (it maintains only the
    /// indexes of the columns a statement sets). No row (values differ, or another version) → <see cref="UpdateCase"/>.
    /// </summary>
    public static readonly Statement UpdateCaseKeepingFilters = new(
        """UPDATE "Cases" SET "Version" = {0}, "State" = {1}, "Snapshot" = {2}, "AuditSequence" = {3}, "AuditHead" = {4}, "UpdatedAt" = {5} WHERE "Id" = {6} AND "Version" = {7} AND "Jurisdiction" IS {8} AND "Channel" IS {9} AND "Department" IS {10} AND "DefinitionVersion" = {11} AND "ReferringDepartment" IS {12}""", 13);

    public static readonly Statement DeleteDeadlines = new("""DELETE FROM "Deadlines" WHERE "CaseId" = {0}""", 1);

    public static readonly Statement InsertAudit = new(
        """INSERT INTO "AuditEvents" ("CaseId", "Sequence", "At", "Kind", "ActorId", "Role", "Department", "Trigger", "FromState", "ToState", "DataDiff", "DefinitionKey", "CaseVersion", "PreviousHash", "Hash", "Payload") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15})""", 16);

    public static readonly Statement InsertDeadline = new(
        """INSERT INTO "Deadlines" ("CaseId", "Key", "DefinitionId", "DeadlineId", "State", "Due", "Status", "NextEventAt", "Provisional") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})""", 9);

    public static readonly Statement InsertOutbox = new(
        """INSERT INTO "Outbox" ("Id", "CaseId", "Type", "Name", "Payload", "OccurredAt", "DispatchedAt", "Attempts") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, NULL, 0)""", 6);

    public static readonly Statement InsertDocument = new(
        """INSERT INTO "Documents" ("Id", "CaseId", "DocumentType", "FileName", "MediaType", "Length", "Sha256", "ServedOn", "AttachedAt", "AttachedBy") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})""", 10);

    public static readonly Statement InsertIdempotency = new(
        """INSERT INTO "IdempotencyRecords" ("Key", "RequestHash", "CaseId", "Outcome", "CreatedAt") VALUES ({0}, {1}, {2}, {3}, {4})""", 5);

    /// <summary>The case's search entry: written when its text changed (the FTS5 table follows by trigger on SQLite).</summary>
    public static readonly Statement UpsertSearch = new(
        """INSERT INTO "CaseSearch" ("CaseId", "Text", "Grams") VALUES ({0}, {1}, {2}) ON CONFLICT ("CaseId") DO UPDATE SET "Text" = excluded."Text", "Grams" = excluded."Grams" WHERE "CaseSearch"."Text" <> excluded."Text" """, 3);

    /// <summary>A link stored from the change set's case (see <see cref="CaseChangeSet.Links"/>).</summary>
    public static readonly Statement InsertLink = new(
        """INSERT INTO "CaseLinks" ("FromCaseId", "ToCaseId", "Kind", "At", "Actor", "Note") VALUES ({0}, {1}, {2}, {3}, {4}, {5})""", 6);

    /// <summary>A party or participant account the case grants (kept once granted; see <see cref="CaseColumns.Grants"/>).</summary>
    public static readonly Statement InsertGrant = new(
        """INSERT INTO "CaseGrants" ("CaseId", "Party") VALUES ({0}, {1}) ON CONFLICT ("CaseId", "Party") DO NOTHING""", 2);

    public static readonly IReadOnlyList<Statement> All =
        [InsertCase, UpdateCase, UpdateCaseKeepingFilters, DeleteDeadlines, InsertAudit, InsertDeadline, InsertOutbox, InsertDocument, InsertIdempotency, UpsertSearch, InsertLink, InsertGrant];

    /// <summary>The values of the case row's insert (a change set with expected version 0).</summary>
    public static object?[] InsertCaseValues(CaseChangeSet changes, string snapshot)
    {
        var c = changes.Case;
        var (sequence, head, now) = Head(changes);
        return [c.Id, c.DefinitionId, c.DefinitionVersion.ToString(), c.State, CaseColumns.Jurisdiction(changes), CaseColumns.Channel(changes),
            CaseColumns.Department(changes), c.Version, snapshot, sequence, head, now, now, CaseColumns.ReferringDepartment(changes)];
    }

    /// <summary>The values of the version-checked update of the case row.</summary>
    public static object?[] UpdateCaseValues(CaseChangeSet changes, string snapshot)
    {
        var c = changes.Case;
        var (sequence, head, now) = Head(changes);
        return [c.Version, c.State, CaseColumns.Jurisdiction(changes), CaseColumns.Channel(changes), CaseColumns.Department(changes),
            c.DefinitionVersion.ToString(), snapshot, sequence, head, now, c.Id, changes.ExpectedVersion, CaseColumns.ReferringDepartment(changes)];
    }

    /// <summary>The values of <see cref="UpdateCaseKeepingFilters"/>.</summary>
    public static object?[] UpdateCaseKeepingFiltersValues(CaseChangeSet changes, string snapshot)
    {
        var c = changes.Case;
        var (sequence, head, now) = Head(changes);
        return [c.Version, c.State, snapshot, sequence, head, now, c.Id, changes.ExpectedVersion,
            CaseColumns.Jurisdiction(changes), CaseColumns.Channel(changes), CaseColumns.Department(changes), c.DefinitionVersion.ToString(),
            CaseColumns.ReferringDepartment(changes)];
    }

    /// <summary>
    /// Every statement after the case row's insert or update: the deadline rows' replacement (unless
    /// unchanged), audit events, outbox rows, the document, the search entry (unless the text is unchanged), the links
    /// and the idempotency record.
    /// </summary>
    /// <param name="changes">The change set.</param>
    /// <param name="key">How the provider binds a Guid key.</param>
    public static IEnumerable<(Statement Statement, object?[] Values)> Rows(CaseChangeSet changes, Func<Guid, object> key)
    {
        var replaceDeadlines = changes.ExpectedVersion == 0 || !changes.DeadlinesUnchanged;
        if (changes.ExpectedVersion != 0 && replaceDeadlines)
        {
            yield return (DeleteDeadlines, [changes.Case.Id]);
        }

        foreach (var e in changes.AuditEvents)
        {
            yield return (InsertAudit, [e.CaseId, e.Sequence, Ticks.From(e.At), e.Kind, e.ActorId, e.Role, e.Department, e.Trigger,
                e.FromState, e.ToState, e.DataDiff, e.DefinitionKey, e.CaseVersion, e.PreviousHash, e.Hash, AuditHasher.Canonical(e)]);
        }

        if (replaceDeadlines)
        {
            foreach (var d in changes.Deadlines)
            {
                yield return (InsertDeadline, [d.CaseId, d.Key, d.DefinitionId, d.DeadlineId, d.State, Ticks.From(d.Due), d.Status, Ticks.From(d.NextEventAt), d.Provisional]);
            }
        }

        foreach (var o in changes.Outbox)
        {
            yield return (InsertOutbox, [key(o.Id), o.CaseId, o.Type, o.Name, o.Payload, Ticks.From(o.OccurredAt)]);
        }

        if (changes.Document is { } doc)
        {
            yield return (InsertDocument, [key(doc.Id), doc.CaseId, doc.DocumentType, doc.FileName, doc.MediaType, doc.Length, doc.Sha256,
                LocalDatePattern.Iso.Format(doc.ServedOn), Ticks.From(doc.AttachedAt), doc.AttachedBy]);
        }

        if (changes.ExpectedVersion == 0 || !changes.TextUnchanged)
        {
            var text = Search.CaseSearchText.Of(changes.Case);
            yield return (UpsertSearch, [changes.Case.Id, text, Search.CaseSearchText.Grams(text)]);
        }

        foreach (var l in changes.Links)
        {
            yield return (InsertLink, [l.FromCaseId, l.ToCaseId, l.Kind, Ticks.From(l.At), l.Actor, l.Note]);
        }

        foreach (var grant in CaseColumns.Grants(changes))
        {
            yield return (InsertGrant, [changes.Case.Id, grant]);
        }

        if (changes.Idempotency is { } i)
        {
            yield return (InsertIdempotency, [i.Key, i.RequestHash, i.CaseId, JsonSerializer.Serialize(i.Outcome, CaseJson.Options), Ticks.From(i.CreatedAt)]);
        }
    }

    /// <summary>The case's audit head after the change set.</summary>
    public static StoredCase Committed(CaseChangeSet changes)
    {
        var (sequence, head, _) = Head(changes);
        return new StoredCase(changes.Case, sequence, head);
    }

    private static (long Sequence, string Head, long Now) Head(CaseChangeSet changes)
    {
        var last = changes.AuditEvents.Count > 0 ? changes.AuditEvents[^1] : null;
        var now = changes.AuditEvents.Count > 0 ? Ticks.From(changes.AuditEvents[0].At) : 0;
        return (last?.Sequence ?? 0, last?.Hash ?? AuditHasher.Genesis, now);
    }
}
