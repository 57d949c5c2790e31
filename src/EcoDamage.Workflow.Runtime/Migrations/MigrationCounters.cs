namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>Progress of one execution of a migration.</summary>
/// <param name="Migrated">Cases moved to the new version.</param>
/// <param name="Unmappable">Cases the plan cannot place (left untouched).</param>
/// <param name="Closed">Closed cases (terminal state) left on their version.</param>
/// <param name="Skipped">Cases already on the new version or no longer on the old one when reached.</param>
/// <param name="Retried">Version conflicts with an ordinary command, each retried on the reloaded case.</param>
public sealed record MigrationCounters(long Migrated, long Unmappable, long Closed, long Skipped, long Retried)
{
    /// <summary>Nothing done yet.</summary>
    public static MigrationCounters Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Every case visited.</summary>
    public long Visited => Migrated + Unmappable + Closed + Skipped;
}
