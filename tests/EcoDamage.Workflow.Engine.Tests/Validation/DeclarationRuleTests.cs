using EcoDamage.Workflow.Engine.Diagnostics;
using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>What a definition declares for the components around the engine: listing fields (WF013), clue states (WF011), event names (WF080, WF081).</summary>
public sealed class DeclarationRuleTests
{
    [Fact]
    public void Load_ListingAndIntakeOfDeclaredFieldsAndStates_LoadsAndReadsTheColumns()
    {
        var result = Load(Base + "\nlisting:\n  domain: kind\n  department: [kind, amount]\nintake:\n  clueStates: [Draft, Review]\n");

        Assert.True(result.Success, string.Join("\n", result.Problems));
        var definition = result.Catalog!.Latest("mini")!.Definition;
        Assert.Equal(["Draft", "Review"], definition.Intake!.ClueStates.Select(s => s.Text));
        var listing = definition.ListingOf(new Dictionary<string, object?> { ["amount"] = 5m, ["kind"] = null });
        Assert.Equal("5", listing.Department);
        Assert.Null(listing.Domain);
        Assert.Null(listing.Channel);
    }

    [Fact]
    public void Load_UnknownListingField_ReportsWF013AtTheField()
    {
        var result = Load(Base + "\nlisting:\n  department: [amount, referredTo]\n");

        Assert.False(result.Success);
        Assert.Contains(result.Problems, p => Is(p, "WF013", 43, 24) && p.Message.Contains("unknown listing field 'referredTo'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownListingColumn_ReportsWF003()
    {
        var result = Load(Base + "\nlisting:\n  colour: amount\n");

        Assert.Contains(result.Problems, p => p.RuleId == "WF003" && p.Position.Line == 43);
    }

    [Fact]
    public void Load_UnknownClueState_ReportsWF011AtTheState()
    {
        var result = Load(Base + "\nintake:\n  clueStates: [Draft, Screening]\n");

        Assert.False(result.Success);
        Assert.Contains(result.Problems, p => Is(p, "WF011", 43, 23) && p.Message.Contains("unknown clue state 'Screening'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MalformedEventName_ReportsWF080AtTheName()
    {
        var result = Load(With("Approve: { zh: 批准, en: Approve, roles: [clerk] }", "Approve: { zh: 批准, en: Approve, roles: [clerk], event: Approved }"));

        Assert.Contains(result.Problems, p => p.RuleId == "WF080" && p.Position.Line == 15 && p.Message.Contains("'Approved'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_OnePublishTwoEventNames_ReportsWF081()
    {
        var text = With("      Submit: Review", "      Submit: { to: Review, actions: [ { publish: Sent, event: mini.sent } ] }")
            .Replace("      Expire: Done", "      Expire: { to: Done, actions: [ { publish: Sent } ] }", StringComparison.Ordinal);

        var result = Load(text);

        Assert.Contains(result.Problems, p => p.RuleId == "WF081" && p.Message.Contains("'publish: Sent' needs 'event: mini.sent'", StringComparison.Ordinal));
    }

    [Fact]
    public void Events_DeclaredAndDerived_NameStartTriggersAndPublishes()
    {
        var text = With("      Submit: Review", "      Submit: { to: Review, actions: [ { publish: Sent, event: mini.sent }, { publish: ReviewStarted } ] }")
            .Replace("Expire: { zh: 过期, en: Expire, roles: [system] }", "Expire: { zh: 过期, en: Expire, roles: [system], event: mini.expired }", StringComparison.Ordinal);

        var result = Load(text);

        Assert.True(result.Success, string.Join("\n", result.Problems));
        var events = result.Catalog!.Latest("mini")!.Events;
        Assert.Equal("case.started", events.Start);
        Assert.Equal("mini.expired", events.StateChange("Expire"));
        Assert.Equal("case.stateChanged", events.StateChange("Approve"));
        Assert.Null(events.StateChange("Unknown"));
        Assert.Equal("mini.sent", events.Published("Sent"));
        Assert.Equal("case.reviewStarted", events.Published("ReviewStarted"));
        Assert.Equal(["case.reviewStarted", "case.started", "case.stateChanged", "mini.expired", "mini.sent"], events.Names);
    }

    private static bool Is(Problem p, string rule, int line, int column) =>
        p.RuleId == rule && p.Position.Line == line && p.Position.Column == column;
}
