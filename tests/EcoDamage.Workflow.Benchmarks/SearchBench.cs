using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Queries;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.Storage.Search;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// <c>--search [--cases N] [--pg-cases M] [--samples S] [--keep DIR]</c>: fills a SQLite database (and PostgreSQL when
/// <c>ECODAMAGE_TEST_POSTGRES</c> is set) with N stored cases (default 1,000,000; rows inserted directly, not through
/// commands: real snapshots of a started claim with generated Chinese descriptions), then measures p50/p99 of the clue
/// search (a rare 2-character word, a rare 4-character word, a common 2-character word) through <see cref="ICaseQueries"/>
/// against the old substring scan of the snapshot in the same run, and of filtered lists (state, department, overdue).
/// With <c>--keep DIR</c> the SQLite file stays in DIR and the PostgreSQL database is not dropped, and a later run with
/// the same sizes reuses them instead of filling again (to time a change of the query against the same data).
/// </summary>
internal static class SearchBench
{
    private static readonly string[] Places = ["崇川区", "通州区", "海门区", "如东县", "启东市", "如皋市", "海安市", "港闸区", "开发区", "苏锡通园区"];
    private static readonly string[] Trades = ["化工厂", "印染厂", "电镀厂", "造纸厂", "养殖场", "砂石场", "制药厂", "皮革厂", "冶炼厂", "洗涤厂"];
    private static readonly string[] Acts = ["夜间偷排", "超标排放", "非法倾倒", "私设暗管排放", "违规填埋", "露天焚烧", "擅自堆放", "渗漏"];
    private static readonly string[] Pollutants = ["废水", "废渣", "危险废物", "废油", "污泥", "含铬废液", "粉尘", "医疗废物"];
    private static readonly string[] Effects = ["致河道污染", "造成鱼类死亡", "污染农田", "破坏林地", "影响饮用水源", "周边居民反映异味", "导致土壤污染"];
    private static readonly string[] States = ["ClueRegistered", "PreliminaryCheck", "Investigation", "Assessment", "Consultation", "Litigation", "Closed"];
    private static readonly string[] Departments = ["生态环境局", "自然资源局", "水利局", "农业农村局", "林业局", "住建局", "交通运输局", "卫健委", "海洋局", "市场监管局", "城管局", "应急管理局"];
    private const string BrandChars = "恒泰华鑫永盛宏达金源瑞丰祥和天润德隆兴旺佳美新宇通宝利康顺安富";

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = BenchArgs.IntArg(args, "--cases", 1_000_000);
        var pgCases = BenchArgs.IntArg(args, "--pg-cases", cases);
        var samples = BenchArgs.IntArg(args, "--samples", 100);
        var keep = BenchArgs.Arg(args, "--keep");
        var folder = keep is null ? Directory.CreateTempSubdirectory("ecodamage-search-") : Directory.CreateDirectory(keep);
        try
        {
            if (cases > 0)
            {
                var sqlite = $"Data Source={Path.Combine(folder.FullName, $"search-{cases}.db")}";
                await RunProviderAsync(StorageProvider.Sqlite, sqlite, cases, samples, reuse: keep is not null);
            }

            if (pgCases > 0 && Environment.GetEnvironmentVariable("ECODAMAGE_TEST_POSTGRES") is { Length: > 0 } pg)
            {
                var database = $"ecodamage_search_bench_{pgCases}";
                await using (var admin = new NpgsqlConnection(pg))
                {
                    await admin.OpenAsync();
                    if (keep is null)
                    {
                        await Exec(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                    }

                    await using var exists = Command(admin, "SELECT COUNT(*) FROM pg_database WHERE datname = @d", ("@d", database));
                    if (Convert.ToInt32(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
                    {
                        await Exec(admin, $"CREATE DATABASE {database}");
                    }
                }

                var connection = new NpgsqlConnectionStringBuilder(pg) { Database = database }.ConnectionString;
                await RunProviderAsync(StorageProvider.PostgreSql, connection, pgCases, samples, reuse: keep is not null);
                NpgsqlConnection.ClearAllPools();
                if (keep is null)
                {
                    await using var cleanup = new NpgsqlConnection(pg);
                    await cleanup.OpenAsync();
                    await Exec(cleanup, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                folder.Delete(recursive: true);
            }
        }

        return 0;
    }

    private static async Task RunProviderAsync(StorageProvider provider, string connection, int count, int samples, bool reuse)
    {
        await using var services = new ServiceCollection()
            .AddWorkflowStorage(BenchStorage.Configuration(connection, postgreSql: provider == StorageProvider.PostgreSql))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IStorageMigrator>().MigrateAsync();
        }

        var now = Instant.FromUtc(2026, 12, 1, 0, 0);
        var fill = Stopwatch.StartNew();
        var stored = reuse ? await CountCasesAsync(provider, connection) : 0;
        var brands = await FillAsync(provider, connection, stored == count ? 0 : count, now);
        Console.WriteLine(stored == count
            ? $"{provider}: {count:N0} cases reused"
            : $"{provider}: {count:N0} cases filled in {fill.Elapsed.TotalSeconds:F0} s");

        var rare2 = brands[0];
        var rare4 = brands[1] + "化工";
        var common2 = "废水";
        await using var db = provider == StorageProvider.Sqlite ? (DbConnection)new SqliteConnection(connection) : new NpgsqlConnection(connection);
        await db.OpenAsync();
        foreach (var (label, word) in new[] { ("rare 2-char", rare2), ("rare 4-char", rare4), ("common 2-char", common2), ("absent 2-char", "沙漠") })
        {
            var indexed = await MeasureAsync(services, samples, new CaseFilter([], Text: word));
            var scan = await MeasureScanAsync(db, provider, Math.Max(3, samples / 20), word);
            Console.WriteLine($"  search {label} '{word}': index p50 {indexed.P50:F1} ms p99 {indexed.P99:F1} ms ({indexed.Total:N0} hits) | old scan p50 {scan.P50:F1} ms p99 {scan.P99:F1} ms ({scan.Total:N0} hits)");
        }

        foreach (var (label, filter) in new[]
        {
            ("state PreliminaryCheck", new CaseFilter(["PreliminaryCheck"])),
            ("department 水利局", new CaseFilter([], Department: "水利局")),
            ("overdue", new CaseFilter([], OverdueAt: now)),
            ("clue states + jurisdiction + text", new CaseFilter(["ClueRegistered", "PreliminaryCheck"], Jurisdiction: "崇川区", Text: rare2)),
        })
        {
            var result = await MeasureAsync(services, samples, filter);
            Console.WriteLine($"  list {label}: p50 {result.P50:F1} ms p99 {result.P99:F1} ms ({result.Total:N0} cases)");
        }
    }

    private static async Task<(double P50, double P99, int Total)> MeasureAsync(ServiceProvider services, int samples, CaseFilter filter)
    {
        var times = new List<double>();
        var total = 0;
        for (var i = -3; i < samples; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<ICaseQueries>();
            var watch = Stopwatch.StartNew();
            var page = await queries.ListAsync(filter with { Scope = Runtime.Access.AccessScope.Everything });
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            total = page.Total;
        }

        return (Percentile(times, 0.5), Percentile(times, 0.99), total);
    }

    // The listing as it was: the count and the newest page of the cases whose snapshot contains the text.
    private static async Task<(double P50, double P99, int Total)> MeasureScanAsync(DbConnection db, StorageProvider provider, int samples, string word)
    {
        var contains = provider == StorageProvider.Sqlite ? """instr("Snapshot", @q) > 0""" : """strpos("Snapshot", @q) > 0""";
        var times = new List<double>();
        var total = 0;
        for (var i = -1; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var count = Command(db, $"""SELECT COUNT(*) FROM "Cases" WHERE {contains}""", ("@q", word)))
            {
                total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }

            await using (var page = Command(db, $"""SELECT "Snapshot" FROM "Cases" WHERE {contains} ORDER BY "UpdatedAt" DESC, "Id" LIMIT 20""", ("@q", word)))
            await using (var reader = await page.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    CaseJson.Deserialize(reader.GetString(0));
                }
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (Percentile(times, 0.5), Percentile(times, 0.99), total);
    }

    private static async Task<int> CountCasesAsync(StorageProvider provider, string connection)
    {
        await using var db = provider == StorageProvider.Sqlite ? (DbConnection)new SqliteConnection(connection) : new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = Command(db, """SELECT COUNT(*) FROM "Cases" """);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    // Fills `count` cases and returns the first two firm names drawn (the rare words); with `count` 0 (a kept
    // database) only draws the first rows again, which the seeded generator makes the same.
    private static async Task<string[]> FillAsync(StorageProvider provider, string connection, int count, Instant now)
    {
        var scenario = new ClaimScenario();
        var template = scenario.Engine.Start("claim", null, "template", new Actor("u1", "handlingDepartment"), now,
            new Dictionary<string, object?> { ["channel"] = "complaintOrReport", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan", ["description"] = "模板" }).Case;
        var random = new Random(11);
        var brands = new List<string>();
        if (count == 0)
        {
            for (var i = 0; brands.Count < 2; i++)
            {
                Row(i, template, random, now, brands);
            }

            return [.. brands];
        }

        var rows = Enumerable.Range(0, count).Select(i => Row(i, template, random, now, brands));
        if (provider == StorageProvider.Sqlite)
        {
            await FillSqliteAsync(connection, rows);
        }
        else
        {
            await FillPostgreSqlAsync(connection, rows);
        }

        return [.. brands.Take(2)];
    }

    private sealed record BenchRow(string Id, string State, string Jurisdiction, string Channel, string Department, string Snapshot, string Text, string Grams, long UpdatedAt, long? Due);

    private static BenchRow Row(int i, CaseInstance template, Random random, Instant now, List<string> brands)
    {
        var id = i.ToString("x8", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
        var brand = string.Concat(BrandChars[random.Next(BrandChars.Length)], BrandChars[random.Next(BrandChars.Length)]);
        if (brands.Count < 2 && !brands.Contains(brand))
        {
            brands.Add(brand);
        }

        var place = Pick(Places, random);
        var description = $"{place}{brand}{Pick(Trades, random)}{Pick(Acts, random)}{Pick(Pollutants, random)}{Pick(Effects, random)}";
        if (i % 10 == 0)
        {
            description = $"{place}{brand}化工有限公司{Pick(Acts, random)}{Pick(Pollutants, random)}";
        }

        var department = Pick(Departments, random);
        var channel = random.Next(3) switch { 0 => "complaintOrReport", 1 => "suddenIncident", _ => "routineSupervision" };
        var data = template.Data.With("description", description).With("jurisdiction", place).With("channel", channel).With("routedDepartment", department);
        var snapshot = CaseJson.SerializeOnce(template with { Id = id, Data = data });
        var state = random.NextDouble() < 0.6 ? "Closed" : Pick(States[..^1], random);
        long? due = state == "Closed" ? null : now.Plus(Duration.FromDays(random.Next(-20, 200))).ToUnixTimeTicks();
        var text = string.Join('\n', data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Value).OfType<string>().Where(s => s.Length > 0));
        return new BenchRow(id, state, place, channel, department, snapshot, text, CaseSearchText.Grams(text),
            now.Minus(Duration.FromSeconds(random.Next(0, 3 * 365 * 86400))).ToUnixTimeTicks(), due);
    }

    private static async Task FillSqliteAsync(string connection, IEnumerable<BenchRow> rows)
    {
        await using var db = new SqliteConnection(connection);
        await db.OpenAsync();
        await Exec(db, "PRAGMA synchronous = OFF");
        var insertCase = Command(db, """INSERT INTO "Cases" ("Id", "DefinitionId", "DefinitionVersion", "State", "Jurisdiction", "Channel", "Department", "Version", "Snapshot", "AuditSequence", "AuditHead", "CreatedAt", "UpdatedAt") VALUES (@p0, 'claim', '1.0.0', @p1, @p2, @p3, @p4, 1, @p5, 1, 'bench', @p6, @p6)""");
        var insertSearch = Command(db, """INSERT INTO "CaseSearch" ("CaseId", "Text", "Grams") VALUES (@p0, @p1, @p2)""");
        var insertDeadline = Command(db, """INSERT INTO "Deadlines" ("CaseId", "Key", "DefinitionId", "DeadlineId", "State", "Due", "Status", "NextEventAt") VALUES (@p0, 'claim/check#1', 'claim', 'check', @p1, @p2, 'Running', @p2)""");
        var n = 0;
        DbTransaction? tx = null;
        foreach (var r in rows)
        {
            if (n++ % 50_000 == 0)
            {
                if (tx is not null)
                {
                    await tx.CommitAsync();
                }

                tx = await db.BeginTransactionAsync();
                insertCase.Transaction = insertSearch.Transaction = insertDeadline.Transaction = tx;
            }

            await Bind(insertCase, r.Id, r.State, r.Jurisdiction, r.Channel, r.Department, r.Snapshot, r.UpdatedAt).ExecuteNonQueryAsync();
            await Bind(insertSearch, r.Id, r.Text, r.Grams).ExecuteNonQueryAsync();
            if (r.Due is { } due)
            {
                await Bind(insertDeadline, r.Id, r.State, due).ExecuteNonQueryAsync();
            }
        }

        await tx!.CommitAsync();
        await Exec(db, "ANALYZE");
    }

    private static async Task FillPostgreSqlAsync(string connection, IEnumerable<BenchRow> rows)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var deadlines = new List<(string Id, string State, long Due)>();
        var search = new List<(string Id, string Text, string Grams)>();
        await using (var cases = await db.BeginBinaryImportAsync("""COPY "Cases" ("Id", "DefinitionId", "DefinitionVersion", "State", "Jurisdiction", "Channel", "Department", "Version", "Snapshot", "AuditSequence", "AuditHead", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var r in rows)
            {
                await cases.WriteRowAsync(default, r.Id, "claim", "1.0.0", r.State, r.Jurisdiction, r.Channel, r.Department, 1L, r.Snapshot, 1L, "bench", r.UpdatedAt, r.UpdatedAt);
                search.Add((r.Id, r.Text, r.Grams));
                if (r.Due is { } due)
                {
                    deadlines.Add((r.Id, r.State, due));
                }
            }

            await cases.CompleteAsync();
        }

        await using (var copy = await db.BeginBinaryImportAsync("""COPY "CaseSearch" ("CaseId", "Text", "Grams") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (id, text, grams) in search)
            {
                await copy.WriteRowAsync(default, id, text, grams);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await db.BeginBinaryImportAsync("""COPY "Deadlines" ("CaseId", "Key", "DefinitionId", "DeadlineId", "State", "Due", "Status", "NextEventAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (id, state, due) in deadlines)
            {
                await copy.WriteRowAsync(default, id, "claim/check#1", "claim", "check", state, due, "Running", due);
            }

            await copy.CompleteAsync();
        }

        await Exec(db, "VACUUM ANALYZE");
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static DbCommand Command(DbConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static DbCommand Bind(DbCommand command, params object?[] values)
    {
        if (command.Parameters.Count == 0)
        {
            for (var n = 0; n < values.Length; n++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + n.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }
        }

        for (var n = 0; n < values.Length; n++)
        {
            command.Parameters[n].Value = values[n] ?? DBNull.Value;
        }

        return command;
    }

    private static async Task Exec(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
