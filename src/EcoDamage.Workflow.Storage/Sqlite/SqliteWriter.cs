using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>
/// The command path's one write connection to a SQLite file (one per service provider): SQLite has a single
/// writer anyway, so commands take turns on this connection (an async lock) and its statements stay
/// prepared across commands, as the benchmark's floor does. It reads idempotency records and commits change
/// sets; cases are loaded on <see cref="SqliteReaders"/> and other reads (lists, audit trails) use EF Core
/// contexts on pooled connections, which WAL lets run beside the writer. The file's settings are SQLite's defaults
/// (<c>synchronous = FULL</c>) plus the WAL mode the migrator set on the file.
/// </summary>
/// <param name="options">The connection string.</param>
internal sealed partial class SqliteWriter(WorkflowStorageOptions options) : IAsyncDisposable
{
    private const string Savepoint = "change_set";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Statement, SqliteCommand> _statements = [];
    private readonly List<Pending> _queue = [];
    private SqliteConnection? _connection;
    private SqliteCommand? _version;
    private SqliteCommand? _keyTaken;
    private SqliteCommand? _begin;
    private SqliteCommand? _commit;
    private SqliteCommand? _rollback;
    private SqliteCommand? _save;
    private SqliteCommand? _release;
    private SqliteCommand? _rollbackToSave;
    private bool _disposed;

    /// <summary>Runs <paramref name="work"/> alone on the connection (opened on first use).</summary>
    public async Task<T> RunAsync<T>(Func<SqliteWriter, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null)
            {
                Open();
            }

            return work(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            foreach (var command in _statements.Values.Concat(new[] { _version, _keyTaken, _begin, _commit, _rollback, _save, _release, _rollbackToSave }.OfType<SqliteCommand>()))
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Execute(SqliteCommand command) => command.ExecuteNonQuery();

    private static SqliteCommand Bind(SqliteCommand command, params object?[] values)
    {
        for (var n = 0; n < values.Length; n++)
        {
            command.Parameters[n].Value = values[n] ?? DBNull.Value;
        }

        return command;
    }

    private void Open()
    {
        var connection = new SqliteConnection(options.ConnectionString);
        connection.Open();
        // The relay, the fan-out and the delivery worker write beside this connection: wait for the lock inside SQLite.
        SqliteBusyTimeout.Apply(connection);
        _connection = connection;
        foreach (var statement in CommitStatements.All)
        {
            _statements[statement] = Command(statement.Named(0), statement.Parameters);
        }

        _version = Command("""SELECT COALESCE(MAX("Version"), 0) FROM "Cases" WHERE "Id" = @p0""", 1);
        _keyTaken = Command("""SELECT COUNT(*) FROM "IdempotencyRecords" WHERE "Key" = @p0""", 1);
        _begin = Command("BEGIN IMMEDIATE", 0); // takes the write lock first, as EF Core's BeginTransaction on SQLite
        _commit = Command("COMMIT", 0);
        _rollback = Command("ROLLBACK", 0);
        _save = Command("SAVEPOINT " + Savepoint, 0);
        _release = Command("RELEASE " + Savepoint, 0);
        _rollbackToSave = Command("ROLLBACK TO " + Savepoint, 0);
    }

    // Statements are compiled on first execution and stay prepared while the command and connection live.
    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        for (var n = 0; n < parameters; n++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "@p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return command;
    }
}
