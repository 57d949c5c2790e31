namespace EcoDamage.Workflow.Storage.Tests.Links;

/// <summary>Linked cases on a SQLite file.</summary>
public sealed class SqliteCaseLinkTests() : CaseLinkScenarios(StorageProvider.Sqlite)
{
    [Fact]
    public Task Split_WritesCasesLinksAuditAndOutboxTogether_ReadFromBothSides_Sqlite() => Split_WritesCasesLinksAuditAndOutboxTogether_ReadFromBothSides();

    [Fact]
    public Task GroupWithAStaleLastChangeSet_WritesNothingOfAnyChangeSet_Sqlite() => GroupWithAStaleLastChangeSet_WritesNothingOfAnyChangeSet();

    [Fact]
    public Task Split_RetriedWithItsKey_WritesNothingTwice_Sqlite() => Split_RetriedWithItsKey_WritesNothingTwice();

    [Fact]
    public Task OppositeLinksAtOnce_OneIsMadeTheOtherRefusedOrConflicted_Sqlite() => OppositeLinksAtOnce_OneIsMadeTheOtherRefusedOrConflicted();

    [Fact]
    public Task SupplementaryClaimAndRelatedLink_ReadFromBothSides_DuplicateRefused_Sqlite() => SupplementaryClaimAndRelatedLink_ReadFromBothSides_DuplicateRefused();
}
