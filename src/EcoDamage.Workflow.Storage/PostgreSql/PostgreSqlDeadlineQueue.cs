using System.Data.Common;
using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.EntityFrameworkCore;
using EcoDamage.Workflow.Storage.Sql;
using NodaTime;

namespace EcoDamage.Workflow.Storage.PostgreSql;

/// <summary>
/// Claims due deadline rows on PostgreSQL (several nodes): one statement selects the due, unleased rows
/// <c>FOR UPDATE SKIP LOCKED</c> and stamps their lease, so two nodes sweeping at once take disjoint rows.
/// </summary>
internal sealed class PostgreSqlDeadlineQueue(PostgreSqlWorkflowDbContext db) : IDeadlineQueue
{
    private const string PostgreSqlClaim =
        """
        WITH due AS (
            SELECT "CaseId", "Key" FROM "Deadlines"
            WHERE "NextEventAt" <= @now AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= @now)
            ORDER BY "NextEventAt"
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE "Deadlines" AS d SET "LeaseUntil" = @until
        FROM due WHERE d."CaseId" = due."CaseId" AND d."Key" = due."Key"
        RETURNING d."CaseId", d."NextEventAt"
        """;

    public async Task<IReadOnlyList<string>> ClaimDueAsync(Instant now, int max, Duration lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PostgreSqlClaim;
            Add(command, "@now", Ticks.From(now));
            Add(command, "@max", max);
            Add(command, "@until", Ticks.From(now + lease));
            var rows = new List<(string CaseId, long At)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetString(0), reader.GetInt64(1)));
                }
            }

            // RETURNING does not keep the CTE's order.
            return rows.OrderBy(r => r.At).Select(r => r.CaseId).Distinct(StringComparer.Ordinal).ToArray();
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
