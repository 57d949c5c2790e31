using System.Text.Json;
using EcoDamage.Workflow.Runtime.Catalog;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>A migration's acts in the administration trail: planned, started, completed (with its counters).</summary>
internal static class MigrationTrail
{
    public static AdministrationEntry Entry(MigrationRecord migration, string kind, string actor, DateTimeOffset at)
    {
        var plan = migration.Plan;
        var c = migration.Counters;
        var detail = JsonSerializer.Serialize(new
        {
            definition = plan.DefinitionId,
            from = plan.From.ToString(),
            to = plan.To.ToString(),
            states = plan.StateMap,
            deadlines = plan.Deadlines.ToString(),
            counters = kind == AdministrationKinds.MigrationCompleted
                ? new { migrated = c.Migrated, unmappable = c.Unmappable, closed = c.Closed, skipped = c.Skipped, retried = c.Retried }
                : null,
        });
        return new AdministrationEntry(Instant.FromDateTimeOffset(at), actor, "administrator", kind, $"migration:{migration.Id}", detail);
    }
}
