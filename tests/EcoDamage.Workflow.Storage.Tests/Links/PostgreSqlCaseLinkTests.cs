namespace EcoDamage.Workflow.Storage.Tests.Links;

/// <summary>Linked cases on a PostgreSQL.</summary>
public sealed class PostgreSqlCaseLinkTests() : CaseLinkScenarios(StorageProvider.PostgreSql)
{
    [PostgresFact]
    public Task Split_WritesCasesLinksAuditAndOutboxTogether_ReadFromBothSides_PostgreSql() => Split_WritesCasesLinksAuditAndOutboxTogether_ReadFromBothSides();

    [PostgresFact]
    public Task GroupWithAStaleLastChangeSet_WritesNothingOfAnyChangeSet_PostgreSql() => GroupWithAStaleLastChangeSet_WritesNothingOfAnyChangeSet();

    [PostgresFact]
    public Task Split_RetriedWithItsKey_WritesNothingTwice_PostgreSql() => Split_RetriedWithItsKey_WritesNothingTwice();

    [PostgresFact]
    public Task OppositeLinksAtOnce_OneIsMadeTheOtherRefusedOrConflicted_PostgreSql() => OppositeLinksAtOnce_OneIsMadeTheOtherRefusedOrConflicted();

    [PostgresFact]
    public Task SupplementaryClaimAndRelatedLink_ReadFromBothSides_DuplicateRefused_PostgreSql() => SupplementaryClaimAndRelatedLink_ReadFromBothSides_DuplicateRefused();
}
