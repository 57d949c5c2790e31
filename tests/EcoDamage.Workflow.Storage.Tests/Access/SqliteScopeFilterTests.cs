namespace EcoDamage.Workflow.Storage.Tests.Access;

/// <summary>The access scope's SQL on a SQLite file.</summary>
public sealed class SqliteScopeFilterTests() : ScopeFilterScenarios(StorageProvider.Sqlite)
{
    [Fact]
    public Task Within_EachScope_ReachesExactlyItsCases_Sqlite() => Within_EachScope_ReachesExactlyItsCases();

    [Fact]
    public Task Criteria_FilterAndScopeValues_AreParametersNotConstants_Sqlite() => Criteria_FilterAndScopeValues_AreParametersNotConstants();
}
