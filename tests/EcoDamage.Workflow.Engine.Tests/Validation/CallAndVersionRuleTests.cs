using EcoDamage.Workflow.Engine.Catalog;
using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>Call rules (WF011 on outcomes, WF044, WF060–WF062) and version rules (WF050, WF051).</summary>
public sealed class CallAndVersionRuleTests
{
    private static readonly string Later = With("version: 1.0.0", "version: 1.1.0").Replace("{ from: 2024-01-01 }", "{ from: 2024-06-01 }");

    [Fact]
    public void Load_ValidCall_LoadsWithoutProblems()
    {
        var result = LoadWithChild(WithCall("call: { workflow: child, outcomes: { Finished: Expire } }"));

        Assert.True(result.Success);
        AssertProblems(result.Problems);
    }

    [Fact]
    public void Load_OutcomeTriggerNotHandled_ReportsWF060AtTheTrigger()
    {
        AssertProblems(
            LoadWithChild(WithCall("call: { workflow: child, outcomes: { Finished: Submit } }")).Problems,
            ("WF060", 29, 52, "outcome trigger 'Submit' is not handled by state 'Review'"));
    }

    [Fact]
    public void Load_OutcomeTriggerSystemMayNotFire_ReportsWF044AtTheTrigger()
    {
        AssertProblems(
            LoadWithChild(WithCall("call: { workflow: child, outcomes: { Finished: Approve } }")).Problems,
            ("WF044", 29, 52, "outcome trigger 'Approve' must allow role 'system'"));
    }

    [Fact]
    public void Load_OutcomeFromNonTerminalState_ReportsWF011AndTheUnmappedTerminalWF061()
    {
        AssertProblems(
            LoadWithChild(WithCall("call: { workflow: child, outcomes: { Working: Expire } }")).Problems,
            ("WF011", 29, 42, "'Working' is not a terminal state of workflow 'child'"),
            ("WF061", 29, 11, "state 'Review' does not map terminal state 'Finished' of workflow 'child' to a trigger"));
    }

    [Fact]
    public void Load_CallingStateWithSubStates_ReportsWF062()
    {
        var text = WithCall("call: { workflow: child, outcomes: { Finished: Expire } }\n    initial: Inner\n    states:\n      Inner: { zh: 内, en: Inner }");

        AssertProblems(
            LoadWithChild(text).Problems,
            ("WF062", 25, 3, "state 'Review' calls a sub-process and so cannot have sub-states"));
    }

    [Fact]
    public void Load_TwoVersionsInForceOnTheSameDays_ReportsWF050AtTheEffectivePeriod()
    {
        AssertProblems(
            Load(Base, new CatalogFile("mini-1.1.workflow.yaml", Later)).Problems,
            ("WF050", 5, 12, "'mini@1.0.0' is in force 2024-01-01 to open end, overlapping 'mini@1.1.0' (2024-06-01 to open end); end one before the other starts"));
    }

    [Fact]
    public void Load_ConsecutiveVersions_LoadWithoutProblems()
    {
        var first = With("{ from: 2024-01-01 }", "{ from: 2024-01-01, to: 2024-05-31 }");

        var result = Load(first, new CatalogFile("mini-1.1.workflow.yaml", Later));

        Assert.True(result.Success);
        AssertProblems(result.Problems);
    }

    [Fact]
    public void Load_SameIdAndVersionTwice_ReportsWF051AtTheVersion()
    {
        AssertProblems(
            Load(Base, new CatalogFile("copy.workflow.yaml", Base)).Problems,
            ("WF051", 2, 10, "definition 'mini@1.0.0' is declared more than once"));
    }

    [Fact]
    public void Validate_PostedVersionOverlappingTheCatalog_ReportsWF050()
    {
        var catalog = Load(Base).Catalog!;

        AssertProblemsIn(
            "<posted>",
            catalog.Validate(Later, "<posted>"),
            ("WF050", 5, 12, "'mini@1.1.0' is in force 2024-06-01 to open end, overlapping 'mini@1.0.0' (2024-01-01 to open end); end one before the other starts"));
    }

    [Fact]
    public void Validate_PostedCopyOfAPublishedVersion_ReportsWF051()
    {
        var catalog = Load(Base).Catalog!;

        AssertProblemsIn("<posted>", catalog.Validate(Base, "<posted>"), ("WF051", 2, 10, "definition 'mini@1.0.0' is declared more than once"));
    }
}
