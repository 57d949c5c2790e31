using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace EcoDamage.Workflow.Storage.Stores.Sqlite;

/// <summary>
/// Read connections beside the <see cref="SqliteWriter"/>: WAL lets readers run while the writer commits, so loading
/// a case (an API read, a command's load, the deadline sweeper's batch) or a command's idempotency record never waits
/// behind a group commit. Each
/// statement is its own read transaction and sees every commit that completed before it began. Connections are
/// opened on demand, keep their prepared statements, and go back to an idle pool (at most <see cref="MaxIdle"/> kept).
/// </summary>
/// <param name="options">The connection string.</param>
internal sealed class SqliteReaders(WorkflowStorageOptions options) : IDisposable
{
    private const int MaxIdle = 8;
    private readonly ConcurrentBag<SqliteReader> _idle = [];
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on an idle reader (or a new one) and returns the reader to the pool.</summary>
    public T Run<T>(Func<SqliteReader, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var reader = _idle.TryTake(out var idle) ? idle : new SqliteReader(options.ConnectionString);
        T result;
        try
        {
            result = read(reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        if (!_disposed && _idle.Count < MaxIdle)
        {
            _idle.Add(reader);
        }
        else
        {
            reader.Dispose();
        }

        return result;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }
}

/// <summary>One read connection with its prepared statements: a case's header, a case's row, an idempotency record.</summary>
internal sealed class SqliteReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _header;
    private readonly SqliteCommand _row;
    private readonly SqliteCommand _idempotency;

    public SqliteReader(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        SqliteBusyTimeout.Apply(_connection);
        _header = Command("""SELECT "Version", "AuditSequence", "AuditHead" FROM "Cases" WHERE "Id" = @p0""");
        _row = Command("""SELECT "Snapshot", "Version", "AuditSequence", "AuditHead" FROM "Cases" WHERE "Id" = @p0""");
        _idempotency = Command("""SELECT "Key", "RequestHash", "CaseId", "Outcome", "CreatedAt" FROM "IdempotencyRecords" WHERE "Key" = @p0""");
    }

    /// <summary>The row's version and audit head, or null when the case does not exist.</summary>
    public CaseHeader? Header(string caseId)
    {
        _header.Parameters[0].Value = caseId;
        using var reader = _header.ExecuteReader();
        return reader.Read() ? new CaseHeader(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)) : null;
    }

    /// <summary>The columns a command needs, snapshot included, or null when the case does not exist.</summary>
    public LoadedCase? Row(string caseId)
    {
        _row.Parameters[0].Value = caseId;
        using var reader = _row.ExecuteReader();
        // The snapshot's UTF-8 bytes as stored (SQLite hands a TEXT column's bytes over as they are): no UTF-16 string
        // to build and transcode back for the JSON reader.
        return reader.Read()
            ? new LoadedCase(reader.GetFieldValue<byte[]>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3))
            : null;
    }

    /// <summary>An idempotency record's columns (key, request hash, case, outcome JSON, created ticks), or null.</summary>
    public (string Key, string RequestHash, string CaseId, string Outcome, long CreatedAt)? Idempotency(string key)
    {
        _idempotency.Parameters[0].Value = key;
        using var reader = _idempotency.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)) : null;
    }

    public void Dispose()
    {
        _header.Dispose();
        _row.Dispose();
        _idempotency.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter { ParameterName = "@p0" });
        return command;
    }
}
