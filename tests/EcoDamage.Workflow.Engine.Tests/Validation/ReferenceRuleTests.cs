using EcoDamage.Workflow.Engine.Catalog;
using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>Reference rules: WF011–WF019, WF070, WF090.</summary>
public sealed class ReferenceRuleTests
{
    private const string DerivedField = "  dept: { type: text, zh: 部门, en: Dept, lookup: { table: routing, key: kind } }\n";

    [Fact]
    public void Load_UnknownInitialState_ReportsWF011WithSuggestion()
    {
        AssertProblems(
            Load(With("initial: Draft", "initial: Drfat")).Problems,
            ("WF011", 17, 10, "unknown state 'Drfat' (did you mean 'Draft'?)"));
    }

    [Fact]
    public void Load_UnknownTransitionTarget_ReportsWF011AndItsGraphConsequences()
    {
        AssertProblems(
            Load(With("Submit: Review", "Submit: Reveiw")).Problems,
            ("WF011", 24, 15, "unknown state 'Reveiw' (did you mean 'Review'?)"),
            ("WF020", 25, 3, "state 'Review' cannot be reached from the initial state 'Draft'"),
            ("WF020", 38, 3, "state 'Done' cannot be reached from the initial state 'Draft'"),
            ("WF021", 19, 3, "state 'Draft' is not terminal but has no transition out"));
    }

    [Fact]
    public void Load_UnknownTriggerInOn_ReportsWF012WithSuggestion()
    {
        AssertProblems(
            Load(With("      Expire: Done\n", "      Expire: Done\n      Aprove: Done\n")).Problems,
            ("WF012", 38, 7, "unknown trigger 'Aprove' (did you mean 'Approve'?)"));
    }

    [Fact]
    public void Load_UnknownTriggerInput_ReportsWF013WithSuggestion()
    {
        AssertProblems(
            Load(With("inputs: [amount]", "inputs: [amonut]")).Problems,
            ("WF013", 14, 58, "unknown field 'amonut' (did you mean 'amount'?)"));
    }

    [Fact]
    public void Load_UnknownAssignedField_ReportsWF013()
    {
        AssertProblems(
            Load(With("Submit: Review", "Submit: { to: Review, set: { total: \"1\" } }")).Problems,
            ("WF013", 24, 36, "unknown field 'total'"));
    }

    [Fact]
    public void Load_UnknownRequiredDocument_ReportsWF014WithSuggestion()
    {
        AssertProblems(
            Load(With("Submit: Review", "Submit: { to: Review, requires: { documents: [leter] } }")).Problems,
            ("WF014", 24, 53, "unknown document 'leter' (did you mean 'letter'?)"));
    }

    [Fact]
    public void Load_DeadlineFromUnknownDocument_ReportsWF014AtTheDocumentName()
    {
        AssertProblems(
            Load(With("        period: 10d\n", "        period: 10d\n        from: document:memo\n")).Problems,
            ("WF014", 34, 24, "unknown document 'memo'"));
    }

    [Fact]
    public void Load_UndeclaredOwnerRole_ReportsWF015WithSuggestion()
    {
        AssertProblems(
            Load(With("    owner: clerk\n    on:\n      Submit", "    owner: clark\n    on:\n      Submit")).Problems,
            ("WF015", 22, 12, "unknown role 'clark' (did you mean 'clerk'?)"));
    }

    [Fact]
    public void Load_UndeclaredTriggerRole_ReportsWF015()
    {
        AssertProblems(
            Load(With("roles: [clerk] }\n  Expire", "roles: [clerk, judge] }\n  Expire")).Problems,
            ("WF015", 15, 50, "unknown role 'judge'"));
    }

    [Fact]
    public void Load_UndeclaredActionTarget_ReportsWF015()
    {
        AssertProblems(
            Load(With("Submit: Review", "Submit: { to: Review, actions: [ { notify: mayor } ] }")).Problems,
            ("WF015", 24, 50, "unknown role 'mayor'"));
    }

    [Fact]
    public void Load_CallToUnknownWorkflow_ReportsWF016WithSuggestion()
    {
        AssertProblems(
            LoadWithChild(WithCall("call: { workflow: chlid, outcomes: { Finished: Expire } }")).Problems,
            ("WF016", 29, 23, "state 'Review' calls unknown workflow 'chlid' (did you mean 'child'?)"));
    }

    [Fact]
    public void Load_CallToUnknownVersion_ReportsWF016WithTheVersion()
    {
        AssertProblems(
            LoadWithChild(WithCall("call: { workflow: child, version: 2.0.0, outcomes: { Finished: Expire } }")).Problems,
            ("WF016", 29, 23, "state 'Review' calls unknown workflow 'child@2.0.0'"));
    }

    [Fact]
    public void Load_CallToOwnWorkflow_ReportsWF016()
    {
        AssertProblems(
            LoadWithChild(WithCall("call: { workflow: mini, outcomes: { Done: Expire } }")).Problems,
            ("WF016", 29, 23, "state 'Review' calls its own workflow 'mini'"));
    }

    [Fact]
    public void Load_DerivedFieldAsTriggerInput_ReportsWF017()
    {
        var text = With("documents:\n", DerivedField + "documents:\n").Replace("inputs: [amount]", "inputs: [amount, dept]");

        AssertProblems(
            Load(text, new CatalogFile("tables/routing.yaml", Table)).Problems,
            ("WF017", 15, 66, "field 'dept' is derived from a table and cannot be supplied by trigger 'Submit'"));
    }

    [Fact]
    public void Load_DerivedFieldAssigned_ReportsWF017()
    {
        var text = With("documents:\n", DerivedField + "documents:\n").Replace("Submit: Review", "Submit: { to: Review, set: { dept: \"'x'\" } }");

        AssertProblems(
            Load(text, new CatalogFile("tables/routing.yaml", Table)).Problems,
            ("WF017", 25, 36, "field 'dept' is derived from a table and cannot be assigned"));
    }

    [Fact]
    public void Load_UnknownCalendar_ReportsWF018WithSuggestion()
    {
        AssertProblems(
            Load(With("calendar: cn-mainland", "calendar: cn-mainlnd")).Problems,
            ("WF018", 6, 11, "unknown calendar 'cn-mainlnd' (did you mean 'cn-mainland'?)"));
    }

    [Fact]
    public void Load_UnknownLookupTable_ReportsWF019WithSuggestion()
    {
        var text = With("documents:\n", DerivedField.Replace("table: routing", "table: routng") + "documents:\n");

        AssertProblems(
            Load(text, new CatalogFile("tables/routing.yaml", Table)).Problems,
            ("WF019", 11, 58, "unknown lookup table 'routng' (did you mean 'routing'?)"));
    }

    [Fact]
    public void Load_LookupTableWithoutRowForAnEnumValue_ReportsWF019()
    {
        var text = With("documents:\n", DerivedField + "documents:\n");

        AssertProblems(
            Load(text, new CatalogFile("tables/routing.yaml", Table.Replace("{ a: deptA, b: deptB }", "{ a: deptA }"))).Problems,
            ("WF019", 11, 58, "table 'routing' has no row for 'b' of field 'kind' and no default"));
    }

    [Fact]
    public void Load_LookupKeyNotAField_ReportsWF013()
    {
        var text = With("documents:\n", DerivedField.Replace("key: kind", "key: knd") + "documents:\n");

        AssertProblems(
            Load(text, new CatalogFile("tables/routing.yaml", Table)).Problems,
            ("WF013", 11, 72, "unknown field 'knd' (did you mean 'kind'?)"));
    }

    [Fact]
    public void Load_UnknownRequirementId_ReportsWF070()
    {
        AssertProblems(
            Load(With("calendar: cn-mainland\n", "calendar: cn-mainland\nimplements: [R1, R36]\n")).Problems,
            ("WF070", 7, 18, "'R36' is not a requirement id of DOMAIN.md (R1–R35, N1–N10)"));
    }

    [Fact]
    public void Load_UnusedTrigger_WarnsWF090AndStillLoads()
    {
        var result = Load(With("initial: Draft", "  Unused: { zh: 未用, en: Unused, roles: [clerk] }\ninitial: Draft"));

        Assert.True(result.Success);
        Assert.All(result.Problems, p => Assert.Equal(Diagnostics.Severity.Warning, p.Severity));
        AssertProblems(result.Problems, ("WF090", 17, 3, "trigger 'Unused' is declared but no state handles it"));
    }
}
