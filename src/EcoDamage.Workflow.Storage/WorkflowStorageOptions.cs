using System.Data.Common;
using Microsoft.Extensions.Configuration;

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

    /// <summary>
    /// Reads the <c>Storage</c> section (missing keys keep their defaults) and checks it: the one reading of these settings,
    /// used by <c>AddWorkflowStorage</c> (the provider decides what is registered) and by a host that checks its settings
    /// before it starts.
    /// </summary>
    /// <param name="configuration">The configuration holding the section.</param>
    /// <param name="problems">Every problem found, each naming its setting; empty when the options can be used.</param>
    /// <returns>The options read (with defaults where a value was missing or unusable).</returns>
    public static WorkflowStorageOptions Read(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var found = new List<string>();
        var options = new WorkflowStorageOptions();
        if (section[nameof(Provider)] is { Length: > 0 } provider)
        {
            if (Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                options.Provider = parsed;
            }
            else
            {
                found.Add($"{SectionName}:{nameof(Provider)}: '{provider}' is not a storage provider (Sqlite or PostgreSql)");
            }
        }

        if (section[nameof(ConnectionString)] is { } connectionString)
        {
            options.ConnectionString = connectionString;
            if (connectionString.Length > 0 && ParseError(connectionString) is { } error)
            {
                found.Add($"{SectionName}:{nameof(ConnectionString)}: not a connection string ({error})");
            }
        }

        if (new WorkflowStorageOptionsValidator().Validate(null, options) is { Failed: true } result)
        {
            found.AddRange(result.Failures);
        }

        problems = found;
        return options;
    }

    private static string? ParseError(string connectionString)
    {
        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return null;
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }
    }
}
