using EcoDamage.Workflow.TestUtils;
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

    /// <summary>Drops a test database (see <see cref="PostgresDatabases.DropAsync"/>).</summary>
    public static Task DropAsync(string server, string database) => PostgresDatabases.DropAsync(server, database);
}
