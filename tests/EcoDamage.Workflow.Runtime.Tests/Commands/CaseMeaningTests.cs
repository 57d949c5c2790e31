using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Runtime.Tests.Commands;

/// <summary>
/// Each outbox row's event name, read from the shipped definitions (moved from the Server's contract tests, which
/// mapped type and payload: the same rows, the same names).
/// </summary>
public sealed class CaseMeaningTests
{
    [Theory]
    [InlineData("claim", "start", "", "clue.registered")]
    [InlineData("repair", "start", "", "case.started")]
    [InlineData("claim", "trigger", "OpenCase", "case.stateChanged")]
    [InlineData("claim", "trigger", "ApplyJudicialConfirmation", "case.judicialConfirmationRequested")]
    [InlineData("claim/repair", "trigger", "CompleteRepair", "case.repairCompleted")]
    [InlineData("repair", "trigger", "CompleteRepair", "case.repairCompleted")]
    [InlineData("claim", "publish", "CaseOpened", "case.opened")]
    [InlineData("claim", "publish", "ClueReferred", "clue.referred")]
    [InlineData("claim/repair", "publish", "EvaluationFailed", "case.evaluationFailed")]
    [InlineData("claim", "publish", "ClaimTerminated", "case.terminated")]
    [InlineData("claim", "publish", "SomethingNew", "case.somethingNew")]
    [InlineData("claim", "escalate", "procuratorate", "case.escalated")]
    [InlineData("claim", "copyTo", "procuratorate", "case.actionRequested")]
    public void Name_OutboxRow_EventNameFromTheDefinition(string frames, string kind, string value, string expected)
    {
        var c = Case(frames.Split('/'));
        var meaning = new CaseMeaning(ShippedCatalog.Catalog, c, c);

        var name = kind switch
        {
            "start" => meaning.Started,
            "trigger" => meaning.StateChanged(value),
            "publish" => meaning.Action(new PerformedAction(ActionKind.Publish, value, "s")),
            "escalate" => meaning.Action(new PerformedAction(ActionKind.Escalate, value, "s")),
            _ => meaning.Action(new PerformedAction(ActionKind.CopyTo, value, "s")),
        };

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData(OutboxMessageTypes.DeadlineReminder)]
    [InlineData(OutboxMessageTypes.DeadlineOverdue)]
    [InlineData(OutboxMessageTypes.Escalated)]
    [InlineData(OutboxMessageTypes.DeadlineExtended)]
    public void Name_KindNoDefinitionNames_IsTheType(string type)
    {
        var message = new OutboxMessage(Guid.NewGuid(), "c", type, "{}", default);

        Assert.Equal(type, message.Name);
    }

    [Fact]
    public void Listing_ReferredClaim_DepartmentIsTheReferralThenTheRouting()
    {
        var routed = Case(["claim"], ("channel", "suddenIncident"), ("jurisdiction", "chongchuan"), ("routedDepartment", "市生态环境局"));
        var referred = routed with { Data = routed.Data.With([new("referredTo", "市水利局")]) };

        Assert.Equal(new CaseListing("suddenIncident", null, "chongchuan", "市生态环境局"), new CaseMeaning(ShippedCatalog.Catalog, routed, routed).Listing);
        Assert.Equal("市水利局", new CaseMeaning(ShippedCatalog.Catalog, referred, referred).Listing.Department);
    }

    private static CaseInstance Case(string[] definitions, params (string Field, object? Value)[] data)
    {
        var frames = definitions.Select(d => new CaseFrame(d, ShippedCatalog.Catalog.Latest(d)!.Definition.Version, "S")).ToImmutableArray();
        return new CaseInstance(
            "c", 1, frames, CaseData.Empty.With(data.Select(d => new KeyValuePair<string, object?>(d.Field, d.Value))),
            ImmutableDictionary<string, CaseDocument>.Empty, [], [], []);
    }
}
