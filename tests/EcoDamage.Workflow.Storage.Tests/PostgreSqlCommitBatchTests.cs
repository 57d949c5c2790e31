namespace EcoDamage.Workflow.Storage.Tests;

/// <summary>Group commit on PostgreSQL (a savepoint per change set lets the transaction go on after an error).</summary>
public sealed class PostgreSqlCommitBatchTests() : CommitBatchScenarios(StorageProvider.PostgreSql)
{
    [PostgresFact]
    public Task MixedBatch_StoresTheGoodChangeSetsAndNothingOfTheBadOnes_PostgreSql() => MixedBatch_StoresTheGoodChangeSetsAndNothingOfTheBadOnes();

    [PostgresFact]
    public Task BatchOfGoodChangeSets_CommitsEveryOne_PostgreSql() => BatchOfGoodChangeSets_CommitsEveryOne();

    [PostgresFact]
    public Task BatchWhoseRefusalsWroteNothing_CommitsTheRestInOnePass_PostgreSql() => BatchWhoseRefusalsWroteNothing_CommitsTheRestInOnePass();

    [PostgresFact]
    public Task FilterColumns_FollowTheCaseOnEveryCommit_PostgreSql() => FilterColumns_FollowTheCaseOnEveryCommit();

    [PostgresFact]
    public Task ConcurrentCommandsOnManyCases_EachCommitsAsIfAlone_PostgreSql() => ConcurrentCommandsOnManyCases_EachCommitsAsIfAlone();

    [PostgresFact]
    public Task ConcurrentCommitsWithOneFailing_OnlyThatOneFails_PostgreSql() => ConcurrentCommitsWithOneFailing_OnlyThatOneFails();
}
