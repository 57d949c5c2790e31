namespace EcoDamage.Workflow.Storage.Tests.Queries;

/// <summary>The case listing's plans on a PostgreSQL server named by ECODAMAGE_TEST_POSTGRES.</summary>
public sealed class PostgreSqlCaseQueriesTests() : CaseQueriesScenarios(StorageProvider.PostgreSql)
{
    [PostgresFact]
    public Task EveryPlan_TextAndDeadlineFilters_MatchBruteForce_PostgreSql() => EveryPlan_TextAndDeadlineFilters_MatchBruteForce();
}
