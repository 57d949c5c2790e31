namespace EcoDamage.Workflow.Scheduling.Deadlines;

/// <summary>
/// The database of Quartz's persistent job store: the case database, so the same <c>Storage</c> section
/// (<c>Provider</c>, <c>ConnectionString</c>) the store reads. Scheduling reads only these two keys and knows no store type.
/// </summary>
public sealed class JobStoreDatabaseOptions
{
    /// <summary>The configuration section (shared with the case store).</summary>
    public const string SectionName = "Storage";

    /// <summary>The database engine.</summary>
    /// <value>Default: <see cref="JobStoreProvider.Sqlite"/>.</value>
    public JobStoreProvider Provider { get; set; } = JobStoreProvider.Sqlite;

    /// <summary>The ADO.NET connection string.</summary>
    /// <value>Default: <c>Data Source=data/ecodamage.db</c> (the case store's default).</value>
    public string ConnectionString { get; set; } = "Data Source=data/ecodamage.db";
}
