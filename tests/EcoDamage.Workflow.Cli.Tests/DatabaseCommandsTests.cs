using System.Data.Common;
using EcoDamage.Workflow.Cli;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Npgsql;

namespace EcoDamage.Workflow.Cli.Tests;

/// <summary><c>migrate</c> and <c>verify-audit</c> on a temporary SQLite file (and PostgreSQL when <c>ECODAMAGE_TEST_POSTGRES</c> is set).</summary>
public sealed class DatabaseCommandsTests : IDisposable
{
    internal const string PostgresVariable = "ECODAMAGE_TEST_POSTGRES";
    private static readonly Actor Officer = new("officer-1", Roles.Department, "南通市生态环境局");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ecodamage-cli-db-");

    private string SqliteConnection => $"Data Source={Path.Combine(_folder.FullName, "data", "cases.db")};Pooling=False";

    public void Dispose() => _folder.Delete(recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Starts a claim and drives it a few steps through the real command path; returns its id.</summary>
    private static async Task<string> CreateCaseAsync(StorageProvider provider, string connection)
    {
        await using var services = new ServiceCollection()
            .AddSingleton(new WorkflowEngine(ShippedCatalog.Catalog))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)))
            .AddWorkflowRuntime()
            .AddWorkflowStorage(StorageSettings.Configuration(new WorkflowStorageOptions { Provider = provider, ConnectionString = connection }))
            .BuildServiceProvider();

        async Task<CommandOutcome> SendAsync(CaseCommand command)
        {
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<CaseCommandHandler>().HandleAsync(command);
            Assert.True(outcome.Kind == OutcomeKind.Accepted, $"{outcome.Kind}: {string.Join("; ", outcome.Refusals.Select(r => r.Message))}");
            return outcome;
        }

        var started = await SendAsync(new StartCase(
            "claim",
            null,
            new Dictionary<string, object?> { ["channel"] = "suddenIncident", ["domain"] = "environmentalPollution", ["jurisdiction"] = "chongchuan", ["description"] = "化工企业偷排废水致河道污染" },
            Officer,
            null));
        var id = started.CaseId;
        await SendAsync(new FireTrigger(id, "StartPreliminaryCheck", new Dictionary<string, object?>(), Officer, null, null));
        var content = System.Text.Encoding.UTF8.GetBytes("初步核查报告");
        await SendAsync(new AttachDocument(id, "preliminaryCheckReport", new LocalDate(2026, 3, 2), "report.pdf", "application/pdf", content.Length, DocumentHash.Of(content), Officer));
        return id;
    }

    private const string TamperSql = "UPDATE \"AuditEvents\" SET \"Payload\" = REPLACE(\"Payload\", 'officer-1', 'officer-9') WHERE \"CaseId\" = @id AND \"Sequence\" = 2";

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, string caseId)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = caseId;
        command.Parameters.Add(parameter);
        return await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Deadlines_DueSoonThenOverdue_ListedFromTheDatabase()
    {
        Assert.Equal(0, Run("migrate", "--connection", SqliteConnection).Code);
        var id = await CreateCaseAsync(StorageProvider.Sqlite, SqliteConnection);
        (int Code, string Out, string Err) At(DateTimeOffset now, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = CliApp.Run(["deadlines", "--connection", SqliteConnection, .. args], output, error, new FakeTimeProvider(now));
            return (code, output.ToString(), error.ToString());
        }

        var early = At(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));
        var soon = At(new DateTimeOffset(2026, 3, 30, 2, 0, 0, TimeSpan.Zero));
        var late = At(new DateTimeOffset(2026, 4, 3, 2, 0, 0, TimeSpan.Zero), "--overdue");

        Assert.True(early.Code == 0, early.Err);
        Assert.Equal("0 overdue, 0 due within 7 days", early.Out.Trim());
        Assert.Contains($"2026-04-02 00:00\tdue in 2d\t{id}\tclaim/preliminaryCheck#1\tPreliminaryCheck", soon.Out);
        Assert.EndsWith("0 overdue, 1 due within 7 days", soon.Out.Trim());
        Assert.Contains($"OVERDUE 1d 10h (open)\t{id}", late.Out);
        Assert.EndsWith("1 overdue", late.Out.Trim());
        Assert.Equal(2, At(DateTimeOffset.UnixEpoch, "--within", "-1").Code);
    }

    [Fact]
    public async Task MigrateVerifyTamper_OnSqlite()
    {
        var first = Run("migrate", "--provider", "sqlite", "--connection", SqliteConnection);
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("applied ", first.Out);
        Assert.DoesNotContain("up to date", first.Out);

        var second = Run("migrate", "--provider", "sqlite", "--connection", SqliteConnection);
        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("up to date", second.Out);

        var id = await CreateCaseAsync(StorageProvider.Sqlite, SqliteConnection);
        var other = await CreateCaseAsync(StorageProvider.Sqlite, SqliteConnection);

        var intact = Run("verify-audit", id, "--connection", SqliteConnection);
        Assert.True(intact.Code == 0, intact.Err);
        Assert.Matches($@"^{id}: ok, [3-9]\d* events", intact.Out);

        var all = Run("verify-audit", "--all", "--connection", SqliteConnection);
        Assert.True(all.Code == 0, all.Err);
        Assert.Matches(@"^ok: 2 cases, \d+ events", all.Out);

        await using (var connection = new SqliteConnection(SqliteConnection))
        {
            Assert.Equal(1, await ExecuteAsync(connection, TamperSql, id));
        }

        var broken = Run("verify-audit", id, "--connection", SqliteConnection);
        Assert.Equal(1, broken.Code);
        Assert.Contains($"{id}: broken at sequence 2: ", broken.Out);
        Assert.Contains("payload", broken.Out);

        var brokenAll = Run("verify-audit", "--all", "--connection", SqliteConnection);
        Assert.Equal(1, brokenAll.Code);
        Assert.Contains($"{id}: broken at sequence 2", brokenAll.Out);
        Assert.DoesNotContain(other, brokenAll.Out);
        Assert.Contains("broken: 1 of 2 cases", brokenAll.Out);
    }

    [Fact]
    public async Task VerifyAudit_LastEventDeleted_IsBrokenAtTheMissingSequence()
    {
        Assert.Equal(0, Run("migrate", "--connection", SqliteConnection).Code);
        var id = await CreateCaseAsync(StorageProvider.Sqlite, SqliteConnection);
        long last;
        await using (var connection = new SqliteConnection(SqliteConnection))
        {
            await connection.OpenAsync();
            await using var max = connection.CreateCommand();
            max.CommandText = "SELECT MAX(\"Sequence\") FROM \"AuditEvents\" WHERE \"CaseId\" = $id";
            max.Parameters.AddWithValue("$id", id);
            last = (long)(await max.ExecuteScalarAsync())!;
            await connection.CloseAsync();
            Assert.Equal(1, await ExecuteAsync(connection, $"DELETE FROM \"AuditEvents\" WHERE \"CaseId\" = @id AND \"Sequence\" = {last}", id));
        }

        var (code, output, _) = Run("verify-audit", id, "--connection", SqliteConnection);

        Assert.Equal(1, code);
        Assert.Contains($"broken at sequence {last}: ", output);
        Assert.Contains("removed from the end", output);
    }

    [Fact]
    public void VerifyAudit_UnknownCase_ExitsTwo()
    {
        Assert.Equal(0, Run("migrate", "--connection", SqliteConnection).Code);

        var (code, output, error) = Run("verify-audit", "no-such-case", "--connection", SqliteConnection);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("no case 'no-such-case'", error);
    }

    [Fact]
    public void VerifyAudit_MissingFile_ExitsTwoWithoutCreatingIt()
    {
        var file = Path.Combine(_folder.FullName, "missing.db");

        var (code, _, error) = Run("verify-audit", "--all", "--connection", $"Data Source={file}");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void VerifyAudit_BothOrNeitherCaseAndAll_IsUsageError()
    {
        Assert.Equal(2, Run("verify-audit", "--connection", SqliteConnection).Code);
        Assert.Equal(2, Run("verify-audit", "x", "--all", "--connection", SqliteConnection).Code);
    }

    [Fact]
    public void Migrate_BadProvider_ExitsTwoWithMessage()
    {
        var (code, output, error) = Run("migrate", "--provider", "oracle", "--connection", SqliteConnection);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("'oracle' is not a storage provider", error);
    }

    [Fact]
    public void Migrate_UnreachablePostgres_ExitsTwoWithoutStackTrace()
    {
        var (code, _, error) = Run("migrate", "--provider", "postgresql", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2");

        Assert.Equal(2, code);
        Assert.StartsWith("error: cannot migrate PostgreSQL", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Migrate_BadConnectionString_ExitsTwoWithoutStackTrace()
    {
        var (code, _, error) = Run("migrate", "--provider", "sqlite", "--connection", "Nonsense=1");

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error);
    }

    [PostgresFact]
    public async Task MigrateVerifyTamper_OnPostgreSql()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable)!;

        var name = "ecodamage_cli_" + Guid.NewGuid().ToString("N");
        await AdminAsync(server, $"CREATE DATABASE {name}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
            var first = Run("migrate", "--provider", "postgresql", "--connection", connection);
            Assert.True(first.Code == 0, first.Err);
            Assert.Contains("applied ", first.Out);
            var second = Run("migrate", "--provider", "postgresql", "--connection", connection);
            Assert.True(second.Code == 0, second.Err);
            Assert.Contains("up to date", second.Out);

            var id = await CreateCaseAsync(StorageProvider.PostgreSql, connection);
            var intact = Run("verify-audit", id, "--provider", "postgresql", "--connection", connection);
            Assert.True(intact.Code == 0, intact.Err);
            Assert.Contains($"{id}: ok, ", intact.Out);
            var unknown = Run("verify-audit", "no-such-case", "--provider", "postgresql", "--connection", connection);
            Assert.Equal(2, unknown.Code);

            await using (var db = new NpgsqlConnection(connection))
            {
                Assert.Equal(1, await ExecuteAsync(db, TamperSql, id));
            }

            var broken = Run("verify-audit", "--all", "--provider", "postgresql", "--connection", connection);
            Assert.Equal(1, broken.Code);
            Assert.Contains($"{id}: broken at sequence 2: ", broken.Out);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresDatabases.DropAsync(server, name);
        }
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs PostgreSQL, skipped with a message when <c>ECODAMAGE_TEST_POSTGRES</c> is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseCommandsTests.PostgresVariable)))
        {
            Skip = $"{DatabaseCommandsTests.PostgresVariable} is not set: no PostgreSQL server to test against (test.sh starts one and sets it)";
        }
    }
}
