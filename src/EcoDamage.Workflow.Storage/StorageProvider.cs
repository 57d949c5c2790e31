namespace EcoDamage.Workflow.Storage;

/// <summary>Database engines the store runs on.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in WAL mode: one process, no server (the embedded default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: identical nodes behind a load balancer.</summary>
    PostgreSql,
}
