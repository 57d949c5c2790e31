using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Instances;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Runtime.Tests.Commands;

/// <summary>A trigger fired in a branch of a multi-instance call is named by the branch's definition.</summary>
public sealed class BranchMeaningTests
{
    [Fact]
    public void StateChanged_TriggerOfABranch_IsNamedByTheBranchDefinition()
    {
        var claim = ShippedCatalog.Catalog.Latest("claim")!.Definition.Version;
        var repair = ShippedCatalog.Catalog.Latest("repair")!.Definition.Version;
        var branch = new CaseBranch("phases/1", "phases", "1", 0, "Performance", [new CaseFrame("repair", repair, "EffectEvaluation")], CaseData.Empty);
        var during = new CaseInstance(
            "c", 1, [new CaseFrame("claim", claim, "Performance")], CaseData.Empty,
            ImmutableDictionary<string, CaseDocument>.Empty, [], [], []) { Branches = [branch] };
        var after = during with { Branches = [] }; // the last branch ended and the claim moved on

        Assert.Equal("case.repairCompleted", new CaseMeaning(ShippedCatalog.Catalog, during, during).StateChanged("CompleteRepair"));
        Assert.Equal("case.evaluationFailed", new CaseMeaning(ShippedCatalog.Catalog, during, after).Action(new PerformedAction(ActionKind.Publish, "EvaluationFailed", "s")));
    }
}
