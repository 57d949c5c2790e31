using System.Text.Json;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>
/// The rows one migrated case writes through the ordinary commit (version check, one transaction): the case row on the
/// new version and state, its deadline rows, and a <c>Migrated</c> audit event chained after its head whose details are
/// the migration id, both definition versions, the root state before → after and every deadline opened, closed or moved.
/// No outbox row: a migration requests no action.
/// </summary>
internal static class MigrationChangeSets
{
    /// <summary>The audit kind of a migration recorded on a case.</summary>
    public const string AuditKind = "Migrated";

    public static CaseChangeSet Build(WorkflowCatalog catalog, StoredCase before, CaseMigration migration, string migrationId, string actorId, Instant now)
    {
        var after = migration.Case ?? throw new ArgumentException("an unmappable case has nothing to write", nameof(migration));
        var details = CanonicalJson.Text((migration, migrationId, From: before.Case.Frames[0].DefinitionKey, To: after.Frames[0].DefinitionKey), WriteDetails);
        var e = AuditHasher.Seal(new AuditEvent(
            after.Id, before.AuditSequence + 1, now, AuditKind, actorId, "administrator", null, $"migration:{migrationId}", before.Case.State, after.State,
            details, after.Frames[0].DefinitionKey, after.Version, before.AuditHead, string.Empty));
        return new CaseChangeSet(after, before.Case.Version, [e], ChangeSetBuilder.Scheduled(after), [], null, null)
        {
            DeadlinesUnchanged = false,
            Listing = new CaseMeaning(catalog, before.Case, after).Listing,
            TextUnchanged = true,
        };
    }

    private static void WriteDetails(Utf8JsonWriter w, (CaseMigration Migration, string Id, string From, string To) d)
    {
        w.WriteStartObject();
        w.WriteStartObject("deadlines");
        Changes(w, "closed", d.Migration.Closed);
        Changes(w, "moved", d.Migration.Moved);
        Changes(w, "opened", d.Migration.Opened);
        w.WriteEndObject();
        w.WriteString("from", d.From);
        w.WriteString("migration", d.Id);
        w.WriteStartObject("state");
        w.WriteString("from", d.Migration.FromState);
        w.WriteString("to", d.Migration.ToState);
        w.WriteEndObject();
        w.WriteString("to", d.To);
        w.WriteEndObject();
    }

    private static void Changes(Utf8JsonWriter w, string name, IReadOnlyList<DeadlineChange> changes)
    {
        w.WriteStartArray(name);
        foreach (var c in changes)
        {
            w.WriteStartObject();
            if (c.After is { } after)
            {
                w.WriteString("after", InstantPattern.ExtendedIso.Format(after));
            }

            if (c.Before is { } before)
            {
                w.WriteString("before", InstantPattern.ExtendedIso.Format(before));
            }

            w.WriteString("deadlineId", c.DeadlineId);
            w.WriteString("key", c.Key);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
