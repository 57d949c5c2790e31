using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// The floor's writes on raw Microsoft.Data.Sqlite: per transition a version-checked case update, a
/// hash-chained audit insert and an outbox insert with the runtime's own texts (<see cref="RuntimeBench"/>'s
/// capture); one <c>BEGIN IMMEDIATE</c> transaction per step of a group of cases.
/// </summary>
internal sealed class FloorWriter : IAsyncDisposable
{
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly SqliteConnection _connection;
    private readonly RuntimeBench.Capture _capture;
    private readonly SqliteCommand _insertCase;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _insertAudit;
    private readonly SqliteCommand _insertOutbox;

    private FloorWriter(SqliteConnection connection, RuntimeBench.Capture capture)
    {
        _connection = connection;
        _capture = capture;
        _insertCase = Prepare(
            "INSERT INTO Cases (Id, DefinitionId, DefinitionVersion, State, Version, Snapshot, AuditSequence, AuditHead, CreatedAt, UpdatedAt) VALUES ($id, 'claim', '1.0.0', $state, $v, $snapshot, 0, $head, $at, $at)",
            "$id", "$state", "$v", "$snapshot", "$head", "$at");
        _update = Prepare(
            "UPDATE Cases SET Version = $v, State = $state, Snapshot = $snapshot, AuditSequence = $seq, AuditHead = $head, UpdatedAt = $at WHERE Id = $id AND Version = $expected",
            "$v", "$state", "$snapshot", "$seq", "$head", "$at", "$id", "$expected");
        _insertAudit = Prepare(
            "INSERT INTO AuditEvents (CaseId, Sequence, At, Kind, ActorId, Role, Department, Trigger, FromState, ToState, DataDiff, DefinitionKey, CaseVersion, PreviousHash, Hash, Payload) VALUES ($id, $seq, $at, 'Transition', 'u-bench', 'handlingDepartment', NULL, $trigger, $from, $to, '{}', 'claim', $v, $prev, $hash, $payload)",
            "$id", "$seq", "$at", "$trigger", "$from", "$to", "$v", "$prev", "$hash", "$payload");
        _insertOutbox = Prepare(
            "INSERT INTO Outbox (Id, CaseId, Type, Name, Payload, OccurredAt, DispatchedAt, Attempts) VALUES ($oid, $id, 'case.stateChanged', 'case.stateChanged', $payload, $at, NULL, 0)",
            "$oid", "$id", "$payload", "$at");
    }

    /// <summary>Opens the (migrated) file with WAL and the runtime's <c>synchronous</c> setting.</summary>
    public static async Task<FloorWriter> OpenAsync(string db, long synchronous, RuntimeBench.Capture capture)
    {
        var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        foreach (var pragma in new[] { "PRAGMA journal_mode=WAL;", FormattableString.Invariant($"PRAGMA synchronous={synchronous};") })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync();
        }

        return new FloorWriter(connection, capture);
    }

    /// <summary>Inserts <paramref name="size"/> cases at their first state (not timed).</summary>
    public async Task<(string[] Ids, string[] Heads)> CreateAsync(int size, DateTimeOffset t)
    {
        var ids = new string[size];
        var heads = new string[size];
        for (var k = 0; k < size; k++)
        {
            ids[k] = Guid.CreateVersion7(t).ToString("N");
            heads[k] = Genesis;
            Set(_insertCase, ids[k], "ClueScreening", 1L, _capture.Snapshots[0], Genesis, t.UtcTicks);
            await _insertCase.ExecuteNonQueryAsync();
        }

        return (ids, heads);
    }

    /// <summary>Step <paramref name="step"/> of every case given, in one transaction; returns the new audit heads.</summary>
    public async Task<string[]> StepAsync(string[] ids, string[] heads, int step, DateTimeOffset t)
    {
        var next = new string[ids.Length];
        await using var tx = _connection.BeginTransaction(); // BEGIN IMMEDIATE, as the runtime's
        for (var k = 0; k < ids.Length; k++)
        {
            var (id, head) = (ids[k], heads[k]);
            var version = step + 2L;
            var payload = string.Concat(_capture.AuditPayloads[step], "|previousHash=", head);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
            _update.Transaction = _insertAudit.Transaction = _insertOutbox.Transaction = tx;
            Set(_update, version, _capture.States[step], _capture.Snapshots[step], (long)step + 1, hash, t.UtcTicks, id, version - 1);
            if (await _update.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException("version conflict in the floor");
            }

            Set(_insertAudit, id, (long)step + 1, t.UtcTicks, ClaimScenario.Path[step].Trigger,
                step == 0 ? "ClueScreening" : _capture.States[step - 1], _capture.States[step], version, head, hash, payload);
            await _insertAudit.ExecuteNonQueryAsync();
            Set(_insertOutbox, Guid.CreateVersion7(t).ToString(), id, _capture.OutboxPayloads[step], t.UtcTicks);
            await _insertOutbox.ExecuteNonQueryAsync();
            next[k] = hash;
        }

        await tx.CommitAsync();
        return next;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _insertCase, _update, _insertAudit, _insertOutbox })
        {
            await command.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private SqliteCommand Prepare(string sql, params string[] names) => Prepare(_connection, sql, names);

    /// <summary>A prepared command with one positional parameter per name (shared with <see cref="RuntimeBench"/>'s populate phase).</summary>
    internal static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    /// <summary>Sets a prepared command's parameters in order (null as DBNull).</summary>
    internal static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
