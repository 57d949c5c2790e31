using System.Data.Common;
using EcoDamage.Workflow.Storage;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>What a person needs to know of the configured storage: provider and where the data is, never a password.</summary>
internal static class StorageTarget
{
    /// <summary>Describes the <c>Storage</c> section as <c>Sqlite /full/path.db</c> or <c>PostgreSql host:port/database</c>.</summary>
    public static string Describe(IConfiguration storage)
    {
        var options = new WorkflowStorageOptions();
        var provider = storage[nameof(WorkflowStorageOptions.Provider)] is { Length: > 0 } given ? given : options.Provider.ToString();
        var connectionString = storage[nameof(WorkflowStorageOptions.ConnectionString)] ?? options.ConnectionString;
        DbConnectionStringBuilder parts;
        try
        {
            parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            return provider;
        }

        if (Value(parts, "Data Source", "DataSource", "Filename") is { } file)
        {
            return $"{provider} {(file.StartsWith(':') ? file : Path.GetFullPath(file))}";
        }

        var host = Value(parts, "Host", "Server") ?? "?";
        var port = Value(parts, "Port");
        var database = Value(parts, "Database", "Initial Catalog") ?? "?";
        return port is null ? $"{provider} {host}/{database}" : $"{provider} {host}:{port}/{database}";
    }

    private static string? Value(DbConnectionStringBuilder parts, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (parts.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }
}
