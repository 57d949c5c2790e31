using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.TestUtils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace EcoDamage.Workflow.Storage.Tests;

/// <summary>
/// A fresh, migrated database (a SQLite file in a temp folder, or a new PostgreSQL database on the
/// server named by <c>ECODAMAGE_TEST_POSTGRES</c>) with the runtime wired over it as a host would.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ECODAMAGE_TEST_POSTGRES";

    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    private readonly string _connectionString;

    private TestDatabase(StorageProvider provider, string connectionString, Func<Task> drop, FakeTimeProvider? time = null)
    {
        Provider = provider;
        _drop = drop;
        _connectionString = connectionString;
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        _services = new ServiceCollection()
            .AddSingleton(new WorkflowEngine(ShippedCatalog.Catalog))
            .AddSingleton<TimeProvider>(Time)
            .AddWorkflowRuntime()
            .AddWorkflowStorage(StorageConfiguration(provider, connectionString))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public StorageProvider Provider { get; }

    /// <summary>A configuration whose <c>Storage</c> section holds <paramref name="provider"/> and <paramref name="connectionString"/>.</summary>
    public static IConfiguration StorageConfiguration(StorageProvider provider, string connectionString) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = provider.ToString(),
                ["Storage:ConnectionString"] = connectionString,
            })
            .Build();

    /// <summary>Monday 2026-03-02 10:00 in Asia/Shanghai.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>
    /// Another host on the same database (its own services, pools and case cache, the same clock), as a
    /// second node would be; disposing it leaves the database in place.
    /// </summary>
    public TestDatabase SecondNode() => new(Provider, _connectionString, () => Task.CompletedTask, Time);

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        TestDatabase db;
        if (provider == StorageProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ecodamage-tests", Guid.NewGuid().ToString("N"));
            var file = Path.Combine(folder, "data", "cases.db");
            db = new TestDatabase(provider, $"Data Source={file};Pooling=False", () =>
            {
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            var name = "ecodamage_t_" + Guid.NewGuid().ToString("N");
            await AdminAsync(server, $"CREATE DATABASE {name}");
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 };
            db = new TestDatabase(provider, builder.ConnectionString, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await PostgresDatabases.DropAsync(server, name);
            });
        }

        await using var scope = db._services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<IStorageMigrator>();
        await migrator.MigrateAsync();
        await migrator.MigrateAsync(); // a second start-up finds nothing to do
        return db;
    }

    /// <summary>Runs <paramref name="work"/> in a scope of this database's services (the identity stores' tests).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<CommandOutcome> SendAsync(CaseCommand command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseCommandHandler>().HandleAsync(command);
    }

    public async Task<CommandOutcome> SendLinkAsync(CaseCommand command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Runtime.Links.CaseLinkHandler>().HandleAsync(command);
    }

    public async Task<CommitResult> CommitAllAsync(IReadOnlyList<CaseChangeSet> group)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Runtime.Links.ICaseGroupCommit>().CommitAllAsync(group);
    }

    public async Task<IReadOnlyList<Runtime.Links.LinkedCase>> LinksAsync(string caseId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Runtime.Links.ICaseLinks>().ListAsync(caseId);
    }

    public async Task<CommitResult> CommitAsync(CaseChangeSet changes)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(changes);
    }

    public async Task<IReadOnlyList<CommitResult>> CommitBatchAsync(IReadOnlyList<CaseChangeSet> batch)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitBatchAsync(batch);
    }

    public async Task<StoredCase?> LoadAsync(string caseId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICaseStore>().LoadAsync(caseId);
    }

    public async Task<AuditChainReport> VerifyAsync(string caseId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await AuditChainVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<IAuditTrail>(), caseId);
    }

    public async Task<T> QueryAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }

    /// <summary>Row counts of every table, to show that a command wrote nothing.</summary>
    public Task<(int Cases, int Audit, int Deadlines, int Outbox, int Keys, int Documents)> CountRowsAsync() =>
        QueryAsync(async db => (
            await db.Cases.CountAsync(),
            await db.AuditEvents.CountAsync(),
            await db.Deadlines.CountAsync(),
            await db.Outbox.CountAsync(),
            await db.IdempotencyRecords.CountAsync(),
            await db.Documents.CountAsync()));

    public Task<int> ExecuteSqlAsync(string sql) => QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _drop();
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
