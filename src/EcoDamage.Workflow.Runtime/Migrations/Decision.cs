using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>What <see cref="MigrationRunner"/> does with one case: write its migration, or count it.</summary>
internal abstract record Decision
{
    /// <summary>Not on the old version (already migrated, or gone).</summary>
    public static Count Skipped { get; } = new(c => c with { Skipped = c.Skipped + 1 });

    /// <summary>In a terminal state.</summary>
    public static Count Closed { get; } = new(c => c with { Closed = c.Closed + 1 });

    /// <summary>The plan cannot place it.</summary>
    public static Count Unmappable { get; } = new(c => c with { Unmappable = c.Unmappable + 1 });

    /// <summary>Write <paramref name="Changes"/>.</summary>
    internal sealed record Migrate(CaseChangeSet Changes) : Decision;

    /// <summary>Nothing to write; <paramref name="Apply"/> counts it.</summary>
    internal sealed record Count(Func<MigrationCounters, MigrationCounters> Apply) : Decision;
}
