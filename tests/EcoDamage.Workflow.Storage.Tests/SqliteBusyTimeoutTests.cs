using EcoDamage.Workflow.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EcoDamage.Workflow.Storage.Tests;

public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ecodamage-busy-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task AWriterThatFindsTheFileLocked_WaitsInTheHandler_AndWritesOnceTheLockIsFree()
    {
        var connectionString = $"Data Source={Path.Combine(_folder.FullName, "busy.db")};Pooling=False";
        await using var holder = Open(connectionString);
        Execute(holder, "PRAGMA journal_mode = WAL; CREATE TABLE t (n INTEGER)");
        await using var waiter = Open(connectionString);
        SqliteBusyTimeout.Apply(waiter);
        var looksBefore = SqliteBusyTimeout.Looks;

        Execute(holder, "BEGIN IMMEDIATE; INSERT INTO t VALUES (1)");
        var write = Task.Run(() => Execute(waiter, "BEGIN IMMEDIATE; INSERT INTO t VALUES (2); COMMIT"));
        await Task.Delay(300);
        Assert.False(write.IsCompleted); // still waiting for the lock, not failed with SQLITE_BUSY
        Execute(holder, "COMMIT");
        await write.WaitAsync(TimeSpan.FromSeconds(10));

        // It waited in this handler, looking again every millisecond or so (SQLite's own handler never calls it).
        Assert.True(SqliteBusyTimeout.Looks - looksBefore >= 20, $"looks: {SqliteBusyTimeout.Looks - looksBefore}");
        using var count = new SqliteCommand("SELECT COUNT(*) FROM t", holder);
        Assert.Equal(2L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public void Apply_RefusesAConnectionThatIsNotOpen()
    {
        using var closed = new SqliteConnection("Data Source=:memory:");

        Assert.Throws<ArgumentException>(() => SqliteBusyTimeout.Apply(closed));
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
