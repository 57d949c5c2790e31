using Npgsql;

namespace EcoDamage.Workflow.TestUtils;

/// <summary>The test databases the suites create on the PostgreSQL server of <c>ECODAMAGE_TEST_POSTGRES</c>.</summary>
public static class PostgresDatabases
{
    /// <summary>
    /// Drops a test database, its connections forced off. FORCE cannot end a backend of another role (an autovacuum
    /// worker that has just started on the new database: 42501), and a drop can meet another class's CREATE or DROP
    /// DATABASE (PostgreSQL takes shared catalog locks): such a failure is tried again, a few times, before it counts.
    /// </summary>
    /// <param name="server">A connection string to the server (any database the user may connect to).</param>
    /// <param name="database">The database to drop.</param>
    public static async Task DropAsync(string server, string database)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
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
