using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;
using EcoDamage.Workflow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Cli;

/// <summary>
/// The <c>--provider</c> and <c>--connection</c> options of the database commands, resolved as
/// option, then environment (<c>ECODAMAGE_STORAGE__PROVIDER</c>, <c>ECODAMAGE_STORAGE__CONNECTIONSTRING</c>),
/// then the storage default (SQLite, <c>Data Source=data/ecodamage.db</c>).
/// </summary>
internal static class StorageSettings
{
    public const string ProviderVariable = "ECODAMAGE_STORAGE__PROVIDER";
    public const string ConnectionVariable = "ECODAMAGE_STORAGE__CONNECTIONSTRING";

    public static Option<string?> ProviderOption() =>
        new("--provider", "-p") { Description = $"sqlite or postgresql (default: ${ProviderVariable}, else sqlite)" };

    public static Option<string?> ConnectionOption() =>
        new("--connection", "-c") { Description = $"ADO.NET connection string (default: ${ConnectionVariable}, else Data Source=data/ecodamage.db)" };

    /// <summary>Resolves and validates the options; null with a message on <paramref name="error"/> when they are unusable.</summary>
    public static WorkflowStorageOptions? Resolve(string? provider, string? connection, TextWriter error)
    {
        var options = new WorkflowStorageOptions();
        var (providerText, providerSource) = Pick(provider, "--provider", ProviderVariable);
        if (providerText is not null)
        {
            switch (providerText.Trim().ToUpperInvariant())
            {
                case "SQLITE":
                    options.Provider = StorageProvider.Sqlite;
                    break;
                case "POSTGRESQL" or "POSTGRES":
                    options.Provider = StorageProvider.PostgreSql;
                    break;
                default:
                    error.WriteLine($"error: {providerSource}: '{providerText}' is not a storage provider (sqlite or postgresql)");
                    return null;
            }
        }

        var (connectionText, _) = Pick(connection, "--connection", ConnectionVariable);
        if (connectionText is not null)
        {
            options.ConnectionString = connectionText;
        }
        else if (options.Provider == StorageProvider.PostgreSql)
        {
            error.WriteLine($"error: PostgreSQL needs a connection string (--connection or ${ConnectionVariable})");
            return null;
        }

        if (new WorkflowStorageOptionsValidator().Validate(null, options) is { Failed: true } result)
        {
            foreach (var p in result.Failures)
            {
                error.WriteLine($"error: {p}");
            }

            return null;
        }

        return options;
    }

    /// <summary>
    /// Runs a read of an existing database: resolves the options, refuses a SQLite file that does not exist, and turns
    /// database errors into one <c>error:</c> line. Exit code of <paramref name="work"/>, or <see cref="CliApp.Usage"/>.
    /// </summary>
    public static int ReadExisting(string? provider, string? connection, TextWriter error, Func<WorkflowStorageOptions, Task<int>> work)
    {
        WorkflowStorageOptions? options = null;
        try
        {
            options = Resolve(provider, connection, error);
            if (options is null)
            {
                return CliApp.Usage;
            }

            if (SqliteFile(options) is { } file && !File.Exists(file))
            {
                error.WriteLine($"error: database file '{file}' does not exist (run 'ecodamage migrate' first, or pass --connection)");
                return CliApp.Usage;
            }

            return work(options).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (TryDescribe(ex, out var message))
        {
            var where = options is null ? string.Empty : $" {Describe(options)}";
            error.WriteLine($"error: cannot read{where}: {message}");
            return CliApp.Usage;
        }
    }

    /// <summary>A service provider with the store registered for <paramref name="options"/>.</summary>
    public static ServiceProvider Services(WorkflowStorageOptions options) =>
        new ServiceCollection()
            .AddWorkflowStorage(Configuration(options))
            .BuildServiceProvider();

    /// <summary>The <c>Storage</c> section holding <paramref name="options"/>, as the host's configuration would.</summary>
    public static IConfiguration Configuration(WorkflowStorageOptions options) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{WorkflowStorageOptions.SectionName}:{nameof(WorkflowStorageOptions.Provider)}"] = options.Provider.ToString(),
                [$"{WorkflowStorageOptions.SectionName}:{nameof(WorkflowStorageOptions.ConnectionString)}"] = options.ConnectionString,
            })
            .Build();

    /// <summary>The SQLite file of <paramref name="options"/>, or null for PostgreSQL and in-memory databases.</summary>
    public static string? SqliteFile(WorkflowStorageOptions options)
    {
        if (options.Provider != StorageProvider.Sqlite)
        {
            return null;
        }

        var source = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : source;
    }

    /// <summary>A database failure as one line: the message and those of its inner exceptions, no stack trace.</summary>
    public static bool TryDescribe(Exception ex, out string message)
    {
        if (ex is DbException or InvalidOperationException or ArgumentException or TimeoutException or SocketException or IOException or UnauthorizedAccessException)
        {
            var parts = new List<string>();
            for (var e = ex; e is not null; e = e.InnerException)
            {
                if (!parts.Contains(e.Message))
                {
                    parts.Add(e.Message);
                }
            }

            message = string.Join(": ", parts);
            return true;
        }

        message = string.Empty;
        return false;
    }

    /// <summary>Where the storage is, for messages (the connection string without its password).</summary>
    public static string Describe(WorkflowStorageOptions options)
    {
        try
        {
            if (options.Provider == StorageProvider.Sqlite)
            {
                return $"SQLite '{SqliteFile(options) ?? ":memory:"}'";
            }

            var builder = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
            string Get(string key) => builder.TryGetValue(key, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "?" : "?";
            return $"PostgreSQL '{Get("Host")}/{Get("Database")}'";
        }
        catch (ArgumentException)
        {
            return options.Provider == StorageProvider.Sqlite ? "SQLite" : "PostgreSQL";
        }
    }

    private static (string? Value, string Source) Pick(string? option, string optionName, string variable)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return (option, optionName);
        }

        var env = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(env) ? (null, optionName) : (env, variable);
    }
}
