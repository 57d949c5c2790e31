namespace EcoDamage.Workflow.Storage.Tests;

/// <summary>Group commit on a SQLite file.</summary>
public sealed class SqliteCommitBatchTests() : CommitBatchScenarios(StorageProvider.Sqlite)
{
    [Fact]
    public Task MixedBatch_StoresTheGoodChangeSetsAndNothingOfTheBadOnes_Sqlite() => MixedBatch_StoresTheGoodChangeSetsAndNothingOfTheBadOnes();

    [Fact]
    public Task BatchOfGoodChangeSets_CommitsEveryOne_Sqlite() => BatchOfGoodChangeSets_CommitsEveryOne();

    [Fact]
    public Task BatchWhoseRefusalsWroteNothing_CommitsTheRestInOnePass_Sqlite() => BatchWhoseRefusalsWroteNothing_CommitsTheRestInOnePass();

    [Fact]
    public Task FilterColumns_FollowTheCaseOnEveryCommit_Sqlite() => FilterColumns_FollowTheCaseOnEveryCommit();

    [Fact]
    public Task ConcurrentCommandsOnManyCases_EachCommitsAsIfAlone_Sqlite() => ConcurrentCommandsOnManyCases_EachCommitsAsIfAlone();

    [Fact]
    public Task ConcurrentCommitsWithOneFailing_OnlyThatOneFails_Sqlite() => ConcurrentCommitsWithOneFailing_OnlyThatOneFails();
}
