namespace EcoDamage.Workflow.Storage;

/// <summary>Options of <c>AddWorkflowStorage</c> (configuration section <c>Storage</c>).</summary>
public sealed class WorkflowStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>The default connection string.</summary>
    public const string DefaultConnectionString = "Data Source=data/ecodamage.db";

    /// <summary>The database engine.</summary>
    /// <value>Default: <see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The ADO.NET connection string for <see cref="Provider"/>.</summary>
    /// <value>Default: <see cref="DefaultConnectionString"/> (a file under the working directory's data folder).</value>
    public string ConnectionString { get; set; } = DefaultConnectionString;
}
