using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Migrations;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// <c>--migration [--cases N] [--clients C] [--baseline B]</c>: a migration of N running claims (default 100,000) from 2.0.0
/// to 2.1.0 (<see cref="ClaimVersions"/>) on SQLite. Seeding: two cases go through the real command path (a registered clue
/// in ClueScreening, a clue in PreliminaryCheck with its deadline row); their case and deadline rows are copied N/2 times
/// each with new ids by raw SQL (their audit rows are not copied: a copy's chain starts at the migration's event). Then:
/// the time of a full dry run (pages of 1,000), the time of the execution (the worker's loop of batches of 200, each case
/// its own version check, group-committed 50 at a time), and the latency of ordinary commands (start a clue, start its preliminary check) from C clients
/// while the execution runs against the same commands with no migration running (B commands first, same run).
/// </summary>
internal static class MigrationBench
{
    private static readonly Actor Clerk = new("bench", "handlingDepartment");

    public static async Task<int> RunAsync(string[] args)
    {
        var count = BenchArgs.IntArg(args, "--cases", 100_000);
        var clients = BenchArgs.IntArg(args, "--clients", 2);
        var baselineCommands = BenchArgs.IntArg(args, "--baseline", 2_000);
        var folder = Directory.CreateTempSubdirectory("ecodamage-migration-");
        var connection = $"Data Source={Path.Combine(folder.FullName, "migration.db")}";
        try
        {
            await using var services = new ServiceCollection()
                .AddSingleton(new WorkflowEngine(ClaimVersions.Catalog))
                .AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)))
                .AddWorkflowRuntime()
                .AddWorkflowStorage(BenchStorage.Configuration(connection))
                .BuildServiceProvider();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IStorageMigrator>().MigrateAsync();
            }

            var seed = Stopwatch.StartNew();
            var clue = (await SendAsync(services, new StartCase("claim", null, ClaimScenario.StartData(), Clerk))).CaseId;
            var checking = (await SendAsync(services, new StartCase("claim", null, ClaimScenario.StartData(), Clerk))).CaseId;
            await SendAsync(services, new FireTrigger(checking, "StartPreliminaryCheck", new Dictionary<string, object?>(), Clerk));
            await CopyAsync(connection, clue, "s", count / 2);
            await CopyAsync(connection, checking, "t", count - (count / 2));
            Console.WriteLine(FormattableString.Invariant($"seeded {count:N0} cases on claim 2.0.0 in {seed.Elapsed.TotalSeconds:F1} s"));

            var baseline = await CommandsAsync(services, clients, baselineCommands, null);
            var plan = new MigrationPlan("claim", new SemanticVersion(2, 0, 0), new SemanticVersion(2, 1, 0),
                new Dictionary<string, string> { ["ClueScreening"] = "ClueIntake" }, DeadlinePolicy.Recompute);
            MigrationRecord migration;
            await using (var scope = services.CreateAsyncScope())
            {
                migration = (await scope.ServiceProvider.GetRequiredService<MigrationService>().CreateAsync(plan, "bench")).Migration!;
            }

            var dry = Stopwatch.StartNew();
            var (mappable, unmappable) = await DryRunAsync(services, migration);
            dry.Stop();

            await using (var scope = services.CreateAsyncScope())
            {
                migration = await scope.ServiceProvider.GetRequiredService<MigrationService>().ExecuteAsync(migration, "bench");
            }

            using var stop = new CancellationTokenSource();
            var during = CommandsAsync(services, clients, int.MaxValue, stop.Token);
            var execute = Stopwatch.StartNew();
            for (var more = true; more;)
            {
                await using var scope = services.CreateAsyncScope();
                more = await scope.ServiceProvider.GetRequiredService<MigrationRunner>().RunBatchAsync(migration.Id);
            }

            execute.Stop();
            await stop.CancelAsync();
            var served = await during;
            await using (var scope = services.CreateAsyncScope())
            {
                migration = (await scope.ServiceProvider.GetRequiredService<MigrationService>().GetAsync(migration.Id))!;
            }

            var c = migration.Counters;
            Console.WriteLine("| measure | value |");
            Console.WriteLine("| --- | --- |");
            Console.WriteLine(FormattableString.Invariant($"| dry run (pages of 1,000, nothing written) | {dry.Elapsed.TotalSeconds:F1} s, {(mappable + unmappable) / dry.Elapsed.TotalSeconds:N0} cases/s ({mappable:N0} mappable, {unmappable:N0} unmappable) |"));
            Console.WriteLine(FormattableString.Invariant($"| execution (batches of 200, group commits of 50 cases, each with its own version check) | {execute.Elapsed.TotalSeconds:F1} s, {c.Migrated / execute.Elapsed.TotalSeconds:N0} cases/s (migrated {c.Migrated:N0}, unmappable {c.Unmappable:N0}, skipped {c.Skipped:N0}, retried {c.Retried:N0}) |"));
            Console.WriteLine(FormattableString.Invariant($"| ordinary commands, no migration ({clients} clients): n, p50, p99 | {baseline.Count:N0}, {Percentile(baseline, 0.5):F2} ms, {Percentile(baseline, 0.99):F2} ms |"));
            Console.WriteLine(FormattableString.Invariant($"| ordinary commands during the execution ({clients} clients): n, p50, p99 | {served.Count:N0}, {Percentile(served, 0.5):F2} ms, {Percentile(served, 0.99):F2} ms |"));
            Console.WriteLine(FormattableString.Invariant($"| p99 during / p99 without | {Percentile(served, 0.99) / Percentile(baseline, 0.99):F2}x |"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(long Mappable, long Unmappable)> DryRunAsync(ServiceProvider services, MigrationRecord migration)
    {
        var (mappable, unmappable) = (0L, 0L);
        string? after = null;
        do
        {
            await using var scope = services.CreateAsyncScope();
            var page = (await scope.ServiceProvider.GetRequiredService<MigrationService>().DryRunAsync(migration, after, 1_000))!;
            (mappable, unmappable, after) = (mappable + page.Cases.Count, unmappable + page.Unmappable.Count, page.Next);
        }
        while (after is not null);
        return (mappable, unmappable);
    }

    /// <summary>
    /// Ordinary commands from <paramref name="clients"/> clients: each starts a clue and starts its preliminary check, timing
    /// each command, until <paramref name="total"/> commands or <paramref name="stop"/>.
    /// </summary>
    private static async Task<List<double>> CommandsAsync(ServiceProvider services, int clients, int total, CancellationToken? stop)
    {
        var latencies = new ConcurrentBag<double>();
        var issued = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (stop is not { IsCancellationRequested: true } && Interlocked.Add(ref issued, 2) <= total)
            {
                var started = await TimedAsync(services, new StartCase("claim", null, ClaimScenario.StartData(), Clerk), latencies);
                await TimedAsync(services, new FireTrigger(started.CaseId, "StartPreliminaryCheck", new Dictionary<string, object?>(), Clerk), latencies);
            }
        })));
        var sorted = latencies.ToList();
        sorted.Sort();
        return sorted;
    }

    private static async Task<CommandOutcome> TimedAsync(ServiceProvider services, CaseCommand command, ConcurrentBag<double> latencies)
    {
        var watch = Stopwatch.StartNew();
        var outcome = await SendAsync(services, command);
        latencies.Add(watch.Elapsed.TotalMilliseconds);
        return outcome;
    }

    /// <summary>Copies the case row (snapshot with the new id) and deadline rows of <paramref name="template"/> <paramref name="count"/> times.</summary>
    private static async Task CopyAsync(string connectionString, string template, string prefix, int count)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insertCase = connection.CreateCommand();
        insertCase.Transaction = tx;
        insertCase.CommandText = """
            INSERT INTO "Cases" ("Id", "DefinitionId", "DefinitionVersion", "State", "Jurisdiction", "Channel", "Department", "Version", "Snapshot", "AuditSequence", "AuditHead", "CreatedAt", "UpdatedAt", "ReferringDepartment")
            SELECT $id, "DefinitionId", "DefinitionVersion", "State", "Jurisdiction", "Channel", "Department", "Version", replace("Snapshot", $from, $to), "AuditSequence", "AuditHead", "CreatedAt", "UpdatedAt", "ReferringDepartment"
            FROM "Cases" WHERE "Id" = $template
            """;
        await using var insertDeadlines = connection.CreateCommand();
        insertDeadlines.Transaction = tx;
        insertDeadlines.CommandText = """
            INSERT INTO "Deadlines" ("CaseId", "Key", "DefinitionId", "DeadlineId", "State", "Due", "Status", "NextEventAt")
            SELECT $id, "Key", "DefinitionId", "DeadlineId", "State", "Due", "Status", "NextEventAt" FROM "Deadlines" WHERE "CaseId" = $template
            """;
        var caseId = insertCase.Parameters.Add("$id", SqliteType.Text);
        insertCase.Parameters.AddWithValue("$from", $"\"id\":\"{template}\"");
        var to = insertCase.Parameters.Add("$to", SqliteType.Text);
        insertCase.Parameters.AddWithValue("$template", template);
        var deadlineCase = insertDeadlines.Parameters.Add("$id", SqliteType.Text);
        insertDeadlines.Parameters.AddWithValue("$template", template);
        for (var n = 0; n < count; n++)
        {
            var id = prefix + n.ToString("D8", CultureInfo.InvariantCulture);
            caseId.Value = id;
            to.Value = $"\"id\":\"{id}\"";
            deadlineCase.Value = id;
            await insertCase.ExecuteNonQueryAsync();
            await insertDeadlines.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    private static async Task<CommandOutcome> SendAsync(ServiceProvider services, CaseCommand command)
    {
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CaseCommandHandler>().HandleAsync(command);
        return outcome.Kind == OutcomeKind.Accepted
            ? outcome
            : throw new InvalidOperationException($"{command.GetType().Name}: {outcome.Kind} {string.Join("; ", outcome.Refusals.Select(r => r.Message))}");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
