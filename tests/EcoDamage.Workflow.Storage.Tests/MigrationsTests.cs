using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Storage.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteWorkflowDbContext(new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run eng/add-migration.sh");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgreSqlMigrations_MatchTheModel()
    {
        using var db = new PostgreSqlWorkflowDbContext(new DbContextOptionsBuilder<PostgreSqlWorkflowDbContext>().UseNpgsql("Host=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run eng/add-migration.sh");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task MigrateAsync_Sqlite_LeavesTheFileInWalMode()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var mode = await db.QueryAsync(async x =>
        {
            await x.Database.OpenConnectionAsync();
            await using var command = x.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });

        Assert.Equal("wal", mode);
    }

    [Fact]
    public void AddWorkflowStorage_InvalidOptions_ListsEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddWorkflowStorage(
            TestDatabase.StorageConfiguration((StorageProvider)42, " ")));

        Assert.Contains("Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
