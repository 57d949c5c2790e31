namespace EcoDamage.Workflow.Storage.Tests.Accounts;

/// <summary>The identity stores on a SQLite file.</summary>
public sealed class SqliteAccountStoreTests() : AccountStoreScenarios(StorageProvider.Sqlite)
{
    [Fact]
    public Task Accounts_AddFindUpdate_WithOptimisticConcurrency_Sqlite() => Accounts_AddFindUpdate_WithOptimisticConcurrency();

    [Fact]
    public Task SecurityEvents_ListNewestFirst_PagedAndByKind_Sqlite() => SecurityEvents_ListNewestFirst_PagedAndByKind();

    [Fact]
    public Task HostKeys_FirstWriterWins_OnEveryNode_Sqlite() => HostKeys_FirstWriterWins_OnEveryNode();
}
