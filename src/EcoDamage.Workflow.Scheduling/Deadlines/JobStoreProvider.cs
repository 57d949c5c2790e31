namespace EcoDamage.Workflow.Scheduling.Deadlines;

/// <summary>Database engines Quartz's persistent job store runs on (the case database's).</summary>
public enum JobStoreProvider
{
    /// <summary>A SQLite file: one node, Quartz not clustered.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: Quartz clustered across the nodes.</summary>
    PostgreSql,
}
