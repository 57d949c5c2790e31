namespace EcoDamage.Workflow.Storage.Tests.Queries;

/// <summary>The case listing's plans on a SQLite file.</summary>
public sealed class SqliteCaseQueriesTests() : CaseQueriesScenarios(StorageProvider.Sqlite)
{
    [Fact]
    public Task EveryPlan_TextAndDeadlineFilters_MatchBruteForce_Sqlite() => EveryPlan_TextAndDeadlineFilters_MatchBruteForce();
}
