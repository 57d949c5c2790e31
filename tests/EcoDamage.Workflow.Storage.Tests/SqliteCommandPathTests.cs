namespace EcoDamage.Workflow.Storage.Tests;

/// <summary>The command path on a SQLite file (WAL).</summary>
public sealed class SqliteCommandPathTests() : CommandPathScenarios(StorageProvider.Sqlite)
{
    [Fact]
    public Task ClaimDrivenThroughSeveralTriggers_IsPersistedAndReloaded_Sqlite() => ClaimDrivenThroughSeveralTriggers_IsPersistedAndReloaded();

    [Fact]
    public Task FiftyParallelConflictingFires_OneAcceptedAndFortyNineVersionConflicts_Sqlite() => FiftyParallelConflictingFires_OneAcceptedAndFortyNineVersionConflicts();

    [Fact]
    public Task FiftyParallelCommitsFromOneLoad_TheDatabaseLetsOnlyOneThrough_Sqlite() => FiftyParallelCommitsFromOneLoad_TheDatabaseLetsOnlyOneThrough();

    [Fact]
    public Task IdempotentRetry_ReturnsTheFirstResultAndAddsNoRow_Sqlite() => IdempotentRetry_ReturnsTheFirstResultAndAddsNoRow();

    [Fact]
    public Task TamperedAuditPayload_FailsVerificationAtThatEvent_Sqlite() => TamperedAuditPayload_FailsVerificationAtThatEvent();

    [Fact]
    public Task DeletedAuditRow_FailsVerification_Sqlite() => DeletedAuditRow_FailsVerification();

    [Fact]
    public Task RefusedTrigger_WritesNothing_Sqlite() => RefusedTrigger_WritesNothing();

    [Fact]
    public Task TwoNodesTakingTurns_NeitherActsOnAStaleCachedCase_Sqlite() => TwoNodesTakingTurns_NeitherActsOnAStaleCachedCase();

    [Fact]
    public Task CachedAndColdLoads_WriteTheSameHashesAndSnapshots_Sqlite() => CachedAndColdLoads_WriteTheSameHashesAndSnapshots();
}
