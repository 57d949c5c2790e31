using System.Data.Common;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcoDamage.Workflow.Storage.Messaging;

/// <summary>
/// Raw ADO.NET on the context's connection, for the claims EF Core cannot express (<c>FOR UPDATE SKIP LOCKED</c>,
/// <c>UPDATE … RETURNING</c>). Same SQL on both providers except the row locks, which only PostgreSQL needs:
/// SQLite has one writer at a time and runs on one node.
/// </summary>
internal sealed class MessagingSql(WorkflowDbContext db)
{
    public bool IsPostgres { get; } = db is PostgreSqlWorkflowDbContext;

    /// <summary><c>FOR UPDATE … SKIP LOCKED</c> on PostgreSQL (of the named table alias), nothing on SQLite.</summary>
    public string SkipLocked(string alias) => IsPostgres ? $"FOR UPDATE OF {alias} SKIP LOCKED" : string.Empty;

    /// <summary>A Guid as each provider stores it (EF Core: upper-case TEXT on SQLite, uuid on PostgreSQL).</summary>
    public object Key(Guid id) => IsPostgres ? StoredGuid.Uuid(id) : StoredGuid.Text(id);

    public async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, cancellationToken, parameters).ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs statements, each with its parameters, in order: as one batch (one round trip) where the provider supports it
    /// (PostgreSQL), else one prepared command per distinct statement, reused (SQLite, in process).
    /// </summary>
    /// <returns>The rows affected by all the statements.</returns>
    public async Task<int> ExecuteBatchAsync(IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return 0;
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (text, parameters) in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = text;
                foreach (var (name, value) in parameters)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = name;
                    p.Value = value ?? DBNull.Value;
                    command.Parameters.Add(p);
                }

                batch.BatchCommands.Add(command);
            }

            return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        var affected = 0;
        try
        {
            foreach (var (text, parameters) in statements)
            {
                if (commands.TryGetValue(text, out var command))
                {
                    foreach (var (name, value) in parameters)
                    {
                        command.Parameters[name].Value = value ?? DBNull.Value;
                    }
                }
                else
                {
                    command = await CommandAsync(text, cancellationToken, parameters).ConfigureAwait(false);
                    commands[text] = command;
                }

                affected += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        return affected;
    }
}
