using EcoDamage.Workflow.Storage.Cases;
using Microsoft.Data.Sqlite;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>One read connection with its prepared statements: a case's header, a case's row, an idempotency record, the due deadlines.</summary>
internal sealed class SqliteReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _header;
    private readonly SqliteCommand _row;
    private readonly SqliteCommand _idempotency;
    private readonly SqliteCommand _due;

    public SqliteReader(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        SqliteBusyTimeout.Apply(_connection);
        _header = Command("""SELECT "Version", "AuditSequence", "AuditHead" FROM "Cases" WHERE "Id" = @p0""");
        _row = Command("""SELECT "Snapshot", "Version", "AuditSequence", "AuditHead" FROM "Cases" WHERE "Id" = @p0""");
        _idempotency = Command("""SELECT "Key", "RequestHash", "CaseId", "Outcome", "CreatedAt" FROM "IdempotencyRecords" WHERE "Key" = @p0""");
        _due = Command("""SELECT "CaseId" FROM "Deadlines" WHERE "NextEventAt" <= @p0 ORDER BY "NextEventAt" LIMIT @p1""", 2);
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

    /// <summary>The case ids of the deadline rows due at <paramref name="now"/> (Unix ticks), soonest first, at most <paramref name="max"/> rows.</summary>
    public List<string> Due(long now, int max)
    {
        _due.Parameters[0].Value = now;
        _due.Parameters[1].Value = max;
        using var reader = _due.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public void Dispose()
    {
        _header.Dispose();
        _due.Dispose();
        _row.Dispose();
        _idempotency.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql, int parameters = 1)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var n = 0; n < parameters; n++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "@p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return command;
    }
}
