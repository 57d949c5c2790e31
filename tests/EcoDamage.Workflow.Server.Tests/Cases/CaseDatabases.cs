using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>
/// The databases the case API tests run on: a SQLite file always, and PostgreSQL when
/// <c>ECODAMAGE_TEST_POSTGRES</c> names a server (test.sh starts one and sets it).
/// </summary>
public static class CaseDatabases
{
    public const string PostgresVariable = "ECODAMAGE_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>The provider names: <c>Sqlite</c>, plus <c>PostgreSql</c> when a server is configured.</summary>
    public static IReadOnlyList<string> Names => PostgresServer is null ? ["Sqlite"] : ["Sqlite", "PostgreSql"];

    /// <summary>Theory data: <c>Sqlite</c>, plus <c>PostgreSql</c> when a server is configured.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "Sqlite" };
            if (PostgresServer is not null)
            {
                data.Add("PostgreSql");
            }

            return data;
        }
    }

    public static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A test class's clean-up: this process's pooled connections closed, then each database dropped (when a server is configured).</summary>
    public static async Task DropAllAsync(IEnumerable<string> databases)
    {
        if (PostgresServer is not { } admin)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var name in databases)
        {
            await DropAsync(admin, name);
        }
    }

    /// <summary>
    /// Drops a test database, its connections forced off. A drop that meets another class's CREATE or DROP DATABASE at
    /// the same moment can fail once (PostgreSQL takes shared catalog locks): it is tried again before it counts.
    /// </summary>
    public static async Task DropAsync(string server, string database)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AdminAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (attempt < 5)
            {
                Console.Error.WriteLine($"dropping {database} failed ({e.SqlState}: {e.MessageText}); trying again");
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}
