namespace EcoDamage.Workflow.Storage;

/// <summary>Options of <c>AddWorkflowStorage</c>.</summary>
public sealed class WorkflowStorageOptions
{
    /// <summary>The database engine.</summary>
    /// <value>Default: <see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The ADO.NET connection string for <see cref="Provider"/>.</summary>
    /// <value>Default: <c>Data Source=data/ecodamage.db</c> (a file under the working directory's data folder).</value>
    public string ConnectionString { get; set; } = "Data Source=data/ecodamage.db";

    /// <summary>Problems with these options, all at once; empty when valid.</summary>
    /// <returns>Messages naming the option.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            problems.Add($"{nameof(Provider)}: '{Provider}' is not a storage provider (Sqlite or PostgreSql)");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"{nameof(ConnectionString)}: a connection string is required");
        }

        return problems;
    }
}
