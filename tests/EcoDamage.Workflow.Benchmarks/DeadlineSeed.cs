using System.Globalization;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// Seeds the deadline benchmark's database: one claim driven through the real runtime into the preliminary
/// check (both reminders already sent), then cloned row by row (case snapshot with its own id and due instant,
/// one deadline row) with raw Microsoft.Data.Sqlite, as fast as the file takes it.
/// </summary>
internal sealed class DeadlineSeed(string db)
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private Template? _template;

    private sealed record Template(string Id, string Snapshot, string DueText, string State, string? Jurisdiction, string? Channel, string? Department,
        long Version, long AuditSequence, string AuditHead, string Key, string DefinitionId, string DeadlineId, string DeadlineState);

    public string ConnectionString => $"Data Source={db}";

    /// <summary>The template case's stored snapshot and audit head (what every seeded copy holds but its id and due instant).</summary>
    public (string Snapshot, long AuditSequence, string AuditHead) TemplateRow =>
        _template is { } t ? (t.Snapshot, t.AuditSequence, t.AuditHead) : throw new InvalidOperationException("no template");

    public async Task CreateTemplateAsync()
    {
        var clock = new Clock(DateTimeOffset.UtcNow.AddDays(-60));
        await using var services = new ServiceCollection()
            .AddSingleton(new WorkflowEngine(ShippedCatalog.Catalog))
            .AddSingleton<TimeProvider>(clock)
            .AddWorkflowRuntime()
            .AddWorkflowStorage(BenchStorage.Configuration(ConnectionString))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IStorageMigrator>().MigrateAsync();
        }

        var actor = new Actor("u1", "handlingDepartment");
        var started = await SendAsync(services, new StartCase("claim", null, ClaimScenario.StartData(), actor, null, "template"));
        var checking = await SendAsync(services, new FireTrigger(started.CaseId, "StartPreliminaryCheck", new Dictionary<string, object?>(), actor));
        // After both reminders (7d and 1d before due), before due.
        clock.Now = checking.Result!.Case.Deadlines.Single().Due.ToDateTimeOffset().AddHours(-1);
        await using (var scope = services.CreateAsyncScope())
        {
            var summary = await scope.ServiceProvider.GetRequiredService<DeadlineTicker>().TickAsync(["template"], Duration.FromMinutes(1));
            if (summary.Reminders != 2)
            {
                throw new InvalidOperationException($"the template case got {summary.Reminders} reminders, not 2");
            }
        }

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT c."Snapshot", c."State", c."Jurisdiction", c."Channel", c."Department", c."Version", c."AuditSequence", c."AuditHead",
                   d."Key", d."DefinitionId", d."DeadlineId", d."State", d."Due"
            FROM "Cases" c JOIN "Deadlines" d ON d."CaseId" = c."Id" WHERE c."Id" = 'template'
            """;
        await using var r = await read.ExecuteReaderAsync();
        await r.ReadAsync();
        var due = Instant.FromUnixTimeTicks(r.GetInt64(12));
        _template = new Template(
            "template", r.GetString(0), InstantPattern.ExtendedIso.Format(due), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5), r.GetInt64(6), r.GetString(7),
            r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11));
        if (!_template.Snapshot.Contains($"\"{_template.DueText}\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the template snapshot does not spell its due instant as {_template.DueText}");
        }
    }

    /// <summary>Inserts <paramref name="count"/> cases named <c>{prefix}{n}</c>, the n-th due at <paramref name="due"/>(n).</summary>
    public async Task InsertAsync(string prefix, int count, Func<int, Instant> due)
    {
        var t = _template ?? throw new InvalidOperationException("no template");
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        const int Chunk = 50_000;
        for (var start = 0; start < count; start += Chunk)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insertCase = connection.CreateCommand();
            insertCase.Transaction = tx;
            insertCase.CommandText = """
                INSERT INTO "Cases" ("Id", "DefinitionId", "DefinitionVersion", "State", "Jurisdiction", "Channel", "Department", "Version", "Snapshot", "AuditSequence", "AuditHead", "CreatedAt", "UpdatedAt")
                VALUES ($id, 'claim', '1.0.0', $state, $jurisdiction, $channel, $department, $version, $snapshot, $sequence, $head, 0, 0)
                """;
            var id = insertCase.Parameters.Add("$id", SqliteType.Text);
            insertCase.Parameters.AddWithValue("$state", t.State);
            insertCase.Parameters.AddWithValue("$jurisdiction", (object?)t.Jurisdiction ?? DBNull.Value);
            insertCase.Parameters.AddWithValue("$channel", (object?)t.Channel ?? DBNull.Value);
            insertCase.Parameters.AddWithValue("$department", (object?)t.Department ?? DBNull.Value);
            insertCase.Parameters.AddWithValue("$version", t.Version);
            var snapshot = insertCase.Parameters.Add("$snapshot", SqliteType.Text);
            insertCase.Parameters.AddWithValue("$sequence", t.AuditSequence);
            insertCase.Parameters.AddWithValue("$head", t.AuditHead);
            await using var insertDeadline = connection.CreateCommand();
            insertDeadline.Transaction = tx;
            insertDeadline.CommandText = """
                INSERT INTO "Deadlines" ("CaseId", "Key", "DefinitionId", "DeadlineId", "State", "Due", "Status", "NextEventAt")
                VALUES ($id, $key, $definition, $deadline, $state, $due, 'Open', $due)
                """;
            var deadlineCase = insertDeadline.Parameters.Add("$id", SqliteType.Text);
            insertDeadline.Parameters.AddWithValue("$key", t.Key);
            insertDeadline.Parameters.AddWithValue("$definition", t.DefinitionId);
            insertDeadline.Parameters.AddWithValue("$deadline", t.DeadlineId);
            insertDeadline.Parameters.AddWithValue("$state", t.DeadlineState);
            var dueTicks = insertDeadline.Parameters.Add("$due", SqliteType.Integer);
            for (var n = start; n < Math.Min(count, start + Chunk); n++)
            {
                var caseId = prefix + n.ToString("D8", CultureInfo.InvariantCulture);
                var at = due(n);
                id.Value = caseId;
                snapshot.Value = t.Snapshot
                    .Replace("\"id\":\"template\"", $"\"id\":\"{caseId}\"", StringComparison.Ordinal)
                    .Replace($"\"{t.DueText}\"", $"\"{InstantPattern.ExtendedIso.Format(at)}\"", StringComparison.Ordinal);
                await insertCase.ExecuteNonQueryAsync();
                deadlineCase.Value = caseId;
                dueTicks.Value = at.ToUnixTimeTicks();
                await insertDeadline.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }
    }

    private static async Task<CommandOutcome> SendAsync(ServiceProvider services, CaseCommand command)
    {
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CaseCommandHandler>().HandleAsync(command);
        return outcome.Kind == OutcomeKind.Accepted
            ? outcome
            : throw new InvalidOperationException($"{command.GetType().Name}: {outcome.Kind} {string.Join("; ", outcome.Refusals.Select(r => r.Message))}");
    }
}
