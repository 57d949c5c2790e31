namespace EcoDamage.Workflow.Storage.Tests.Access;

/// <summary>The access scope's SQL on a PostgreSQL server named by ECODAMAGE_TEST_POSTGRES.</summary>
public sealed class PostgreSqlScopeFilterTests() : ScopeFilterScenarios(StorageProvider.PostgreSql)
{
    [PostgresFact]
    public Task Within_EachScope_ReachesExactlyItsCases_PostgreSql() => Within_EachScope_ReachesExactlyItsCases();

    [PostgresFact]
    public Task Criteria_FilterAndScopeValues_AreParametersNotConstants_PostgreSql() => Criteria_FilterAndScopeValues_AreParametersNotConstants();
}
