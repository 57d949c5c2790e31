using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Reference;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Access;

/// <summary>Issue 13: roles.yaml says which cases each role reaches; jurisdictions nest (R4).</summary>
public sealed class RoleAccessTests
{
    [Theory]
    [InlineData("handlingDepartment", AccessScopeKind.Department, false, true)]
    [InlineData("referringDepartment", AccessScopeKind.Department, false, true)]
    [InlineData("procuratorate", AccessScopeKind.Jurisdiction, false, true)]   // R9, R19: supervises its jurisdiction
    [InlineData("rightsHolder", AccessScopeKind.Jurisdiction, false, true)]
    [InlineData("financeBureau", AccessScopeKind.Jurisdiction, false, false)]
    [InlineData("obligor", AccessScopeKind.Party, false, false)]              // never sees informants' data
    [InlineData("auditor", AccessScopeKind.All, true, true)]
    [InlineData("administrator", AccessScopeKind.None, true, false)]
    public void ShippedRoles_DeclareTheirReach(string role, AccessScopeKind scope, bool readOnly, bool personalData)
    {
        var access = ShippedCatalog.Catalog.Roles.AccessOf(role);

        Assert.Equal(new RoleAccess(scope, readOnly, personalData), access);
    }

    [Fact]
    public void UndeclaredRole_ReachesNothing()
    {
        Assert.Equal(RoleAccess.Nothing, ShippedCatalog.Catalog.Roles.AccessOf("polluter"));
        Assert.Equal(AccessScopeKind.None, ShippedCatalog.Catalog.Roles.AccessOf("").Scope);
    }

    [Fact]
    public void OnlyTheAdministrator_ReachesNoCase()
    {
        var roles = ShippedCatalog.Catalog.Roles;

        var none = roles.Roles.Keys.Where(r => roles.AccessOf(r).Scope == AccessScopeKind.None).ToList();

        Assert.Equal(["administrator"], none);
    }

    [Fact]
    public void RoleWithoutScope_ReachesNothing()
    {
        var catalog = Load("roles:\n  clerk: { zh: 办事员, en: Clerk }\n");

        Assert.Equal(RoleAccess.Nothing, catalog.Catalog!.Roles.AccessOf("clerk"));
    }

    [Fact]
    public void UnknownScope_IsAProblemWithFileAndLine()
    {
        var result = Load("roles:\n  clerk: { zh: 办事员, en: Clerk, scope: everybody }\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("WF004", problem.RuleId);
        Assert.Equal(2, problem.Position.Line);
        Assert.Contains("everybody", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CityLevel_CoversEveryDistrictCountyAndZone_ADistrictOnlyItself()
    {
        var reference = ShippedCatalog.Catalog.Reference;

        Assert.Equal(reference.Jurisdictions.Select(j => j.Id).ToHashSet(), reference.JurisdictionsWithin("nantong"));
        Assert.Equal(["chongchuan"], reference.JurisdictionsWithin("chongchuan"));
        Assert.Empty(reference.JurisdictionsWithin("atlantis"));
    }

    [Fact]
    public void ParentCycleOrUnknownParent_IsAProblem()
    {
        const string Yaml = """
            departments:
              ecologyBureau: { zh: 市生态环境局, en: Ecology bureau, duty: lead }
            jurisdictions:
              a: { zh: 甲, en: A, parent: b }
              b: { zh: 乙, en: B, parent: a }
              c: { zh: 丙, en: C, parent: nowhere }
            """;

        var result = ReferenceDataLoader.Load(Yaml, "organisation.yaml");

        Assert.Contains(result.Problems, p => p.Message.Contains("'c'", StringComparison.Ordinal) && p.Position.Line == 6);
        Assert.Contains(result.Problems, p => p.Message.Contains("within itself", StringComparison.Ordinal));
    }

    private static CatalogLoadResult Load(string roles) => WorkflowCatalog.Load([new CatalogFile("roles.yaml", roles)]);
}
