namespace EcoDamage.Workflow.Storage.Tests;

/// <summary>The command path on a PostgreSQL server named by ECODAMAGE_TEST_POSTGRES (a fresh database per test).</summary>
public sealed class PostgreSqlCommandPathTests() : CommandPathScenarios(StorageProvider.PostgreSql)
{
    [PostgresFact]
    public Task ClaimDrivenThroughSeveralTriggers_IsPersistedAndReloaded_PostgreSql() => ClaimDrivenThroughSeveralTriggers_IsPersistedAndReloaded();

    [PostgresFact]
    public Task FiftyParallelConflictingFires_OneAcceptedAndFortyNineVersionConflicts_PostgreSql() => FiftyParallelConflictingFires_OneAcceptedAndFortyNineVersionConflicts();

    [PostgresFact]
    public Task FiftyParallelCommitsFromOneLoad_TheDatabaseLetsOnlyOneThrough_PostgreSql() => FiftyParallelCommitsFromOneLoad_TheDatabaseLetsOnlyOneThrough();

    [PostgresFact]
    public Task IdempotentRetry_ReturnsTheFirstResultAndAddsNoRow_PostgreSql() => IdempotentRetry_ReturnsTheFirstResultAndAddsNoRow();

    [PostgresFact]
    public Task TamperedAuditPayload_FailsVerificationAtThatEvent_PostgreSql() => TamperedAuditPayload_FailsVerificationAtThatEvent();

    [PostgresFact]
    public Task DeletedAuditRow_FailsVerification_PostgreSql() => DeletedAuditRow_FailsVerification();

    [PostgresFact]
    public Task RefusedTrigger_WritesNothing_PostgreSql() => RefusedTrigger_WritesNothing();

    [PostgresFact]
    public Task TwoNodesTakingTurns_NeitherActsOnAStaleCachedCase_PostgreSql() => TwoNodesTakingTurns_NeitherActsOnAStaleCachedCase();

    [PostgresFact]
    public Task CachedAndColdLoads_WriteTheSameHashesAndSnapshots_PostgreSql() => CachedAndColdLoads_WriteTheSameHashesAndSnapshots();
}
