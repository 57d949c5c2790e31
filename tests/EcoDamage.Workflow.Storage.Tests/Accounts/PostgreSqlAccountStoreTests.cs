namespace EcoDamage.Workflow.Storage.Tests.Accounts;

/// <summary>The identity stores on PostgreSQL.</summary>
public sealed class PostgreSqlAccountStoreTests() : AccountStoreScenarios(StorageProvider.PostgreSql)
{
    [PostgresFact]
    public Task Accounts_AddFindUpdate_WithOptimisticConcurrency_PostgreSql() => Accounts_AddFindUpdate_WithOptimisticConcurrency();

    [PostgresFact]
    public Task SecurityEvents_ListNewestFirst_PagedAndByKind_PostgreSql() => SecurityEvents_ListNewestFirst_PagedAndByKind();

    [PostgresFact]
    public Task HostKeys_FirstWriterWins_OnEveryNode_PostgreSql() => HostKeys_FirstWriterWins_OnEveryNode();
}
