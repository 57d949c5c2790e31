using EcoDamage.Workflow.Engine.Catalog;
using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>
/// Rules of issue 12's constructs: WF091/WF092 (<c>after:</c> periods that cannot be cut short), WF093
/// (<c>reference:</c> fields) and WF013 for a table branch keyed by an unknown field.
/// </summary>
public sealed class StatutoryRuleTests
{
    [Fact]
    public void Load_TransitionAfterUnknownDeadline_ReportsWF091WithSuggestion()
    {
        AssertProblems(
            Load(With("Approve: { to: Done, guard: \"amount > 0\" }", "Approve: { to: Done, guard: \"amount > 0\", after: reveiw }")).Problems,
            ("WF091", 36, 56, "unknown deadline 'reveiw' (did you mean 'review'?)"));
    }

    [Fact]
    public void Load_TriggerAfterUnknownDeadline_ReportsWF091AtTheTrigger()
    {
        AssertProblems(
            Load(With("Expire: { zh: 过期, en: Expire, roles: [system] }", "Expire: { zh: 过期, en: Expire, roles: [system], after: [nope] }")).Problems,
            ("WF091", 16, 58, "unknown deadline 'nope'"));
    }

    [Fact]
    public void Load_AfterDeadlineNeverOpenWhereItIsAwaited_ReportsWF092()
    {
        // Draft cannot be reached once Review (which opens 'review') has been entered.
        AssertProblems(
            Load(With("      Submit: Review\n", "      Submit: { to: Review, after: review }\n")).Problems,
            ("WF092", 24, 36, "'Submit' in state 'Draft' waits for deadline 'review', which is never open there: no state or transition that opens it leads to 'Draft'"));
    }

    [Fact]
    public void Load_AfterDeadlineOfTheHandlingState_Loads()
    {
        var result = Load(With("Expire: { zh: 过期, en: Expire, roles: [system] }", "Expire: { zh: 过期, en: Expire, roles: [system], after: review }"));

        Assert.True(result.Success, string.Join("\n", result.Problems));
        Assert.Equal("review", Assert.Single(result.Catalog!.Latest("mini")!.Definition.Triggers.Single(t => t.Id == "Expire").After).Text);
    }

    [Fact]
    public void Load_UnknownReferenceList_ReportsWF093WithSuggestion()
    {
        AssertProblems(
            Load(With("  kind:", "  place: { type: text, zh: 地点, en: Place, reference: jurisdiction }\n  kind:")).Problems,
            ("WF093", 10, 54, "unknown reference list 'jurisdiction' (did you mean 'jurisdictions'?)"));
    }

    [Fact]
    public void Load_ReferenceOnAMoneyField_ReportsWF093()
    {
        AssertProblems(
            Load(With("amount: { type: money, zh: 金额, en: Amount }", "amount: { type: money, zh: 金额, en: Amount, reference: treasuries }")).Problems,
            ("WF093", 8, 57, "'reference: treasuries' needs a text field that is not derived ('amount' is money)"));
    }

    [Fact]
    public void Load_TableBranchByUnknownField_ReportsWF013()
    {
        const string table = """
            id: routing
            zh: 路由
            en: Routing
            rows:
              a: deptA
              b: { by: inPort, rows: { "true": deptB, "false": deptC } }
            """;
        var definition = With("  kind:", "  dept: { type: text, zh: 部门, en: Dept, lookup: { table: routing, key: kind } }\n  kind:");

        AssertProblems(
            Load(definition, new CatalogFile("tables/routing.yaml", table)).Problems,
            ("WF013", 10, 58, "table 'routing' (lookup of 'dept') branches by 'inPort', which is not a data field of this definition"));
    }
}
