using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Ledger;
using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Ledger;

/// <summary>The ledger constructs' reader and rules (LED001–LED007), positioned at file and line.</summary>
public sealed class LedgerRuleTests
{
    private const string Heads = """
        heads:
          permanentLoss: { zh: 永久性损害, en: Permanent loss, implements: [N9] }
          punitiveDamages: { zh: 惩罚性赔偿金, en: Punitive damages, implements: [N7] }
        """;

    private const string Approve = "  Approve: { zh: 批准, en: Approve, roles: [clerk] }";

    private static readonly CatalogFile HeadsFile = new("ledger.yaml", Heads);

    private static CatalogLoadResult LoadWith(string find, string replace) => Load(With(find, replace), HeadsFile);

    /// <summary>Loads <paramref name="definition"/> and asserts its one problem: rule, line, the column where <paramref name="at"/> starts, message.</summary>
    private static void AssertOne(string definition, bool withHeads, string rule, int line, string at, string message)
    {
        var result = withHeads ? Load(definition, HeadsFile) : Load(definition);
        Assert.False(result.Success);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((rule, DefinitionPath, line), (problem.RuleId, problem.Position.File, problem.Position.Line));
        Assert.Equal(definition.Split('\n')[line - 1].IndexOf(at, StringComparison.Ordinal) + 1, problem.Position.Column);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Load_TriggerWithLedgerAndParties_DeclaresTheirRecordKeys()
    {
        var result = LoadWith(Approve, "  Approve: { zh: 批准, en: Approve, roles: [clerk], ledger: [paid, escrowed], parties: [obligor], asParty: true }");

        Assert.True(result.Success, string.Join("\n", result.Problems));
        var trigger = result.Catalog!.Latest("mini")!.Definition.Triggers.Single(t => t.Id == "Approve");
        Assert.Equal(["ledger", "parties"], trigger.RecordInputs.Keys.Order());
        Assert.True(trigger.Ledger!.AsParty);
        Assert.Equal(["permanentLoss", "punitiveDamages"], result.Catalog.Ledger.All.Select(h => h.Id));
        Assert.Equal("永久性损害", result.Catalog.Ledger.Find("permanentLoss")!.Name.Zh);
    }

    [Fact]
    public void Load_UnknownLedgerKind_ReportsLED002AtTheKind()
    {
        AssertOne(With(Approve, "  Approve: { zh: 批准, en: Approve, roles: [clerk], ledger: [paid, refund] }"), true, "LED002", 15, "refund",
            "'refund' in 'ledger' of trigger 'Approve' is not a ledger kind (claimed, assessed, agreed, awarded, paid, credited, inKind, escrowed, released)");
    }

    [Fact]
    public void Load_UnknownPartyKind_ReportsLED003()
    {
        AssertOne(With(Approve, "  Approve: { zh: 批准, en: Approve, roles: [clerk], parties: [debtor] }"), true, "LED003", 15, "debtor", "'debtor' in 'parties' of trigger 'Approve' is not a party kind (obligor, rightsHolder)");
    }

    [Fact]
    public void Load_CollectedByAFieldThatIsNotText_ReportsLED004()
    {
        AssertOne(With(Approve, "  Approve: { zh: 批准, en: Approve, roles: [clerk], collectedBy: amount }"), true, "LED004", 15, "amount }",
            "'collectedBy' of trigger 'Approve' must name a text field of the definition ('amount' is not one)");
    }

    [Theory]
    [InlineData("{ type: money, zh: 欠, en: Owing, derived: { ledger: owing } }", "owing }", "'owing' of field 'owing' is not a ledger measure (owed, paid, credited, inKind, escrowed, released, outstanding, settled)")]
    [InlineData("{ type: money, zh: 欠, en: Owing, derived: { ledger: settled } }", "{ ledger", "field 'owing' derived from the ledger's settled must be of type boolean")]
    [InlineData("{ type: money, zh: 欠, en: Owing, derived: { ledger: owed, head: lostHead } }", "lostHead", "'lostHead' of field 'owing' is not a head of workflows/ledger.yaml")]
    public void Load_BadDerivedLedgerField_ReportsLED005(string field, string at, string message)
    {
        AssertOne(With("  kind: { type: enum", $"  owing: {field}\n  kind: {{ type: enum"), true, "LED005", 10, at, message);
    }

    [Fact]
    public void Load_DerivedLedgerFieldAsATriggerInput_ReportsLED006()
    {
        AssertOne(With("  kind: { type: enum", "  owing: { type: money, zh: 欠, en: Owing, derived: { ledger: outstanding } }\n  kind: { type: enum")
            .Replace("Approve, roles: [clerk] }", "Approve, roles: [clerk], inputs: [owing] }", StringComparison.Ordinal), true, "LED006", 16, "owing] }", "'owing' is derived from the ledger; no trigger, start or assignment may set it");
    }

    [Fact]
    public void Load_LedgerTotalOfAFieldThatIsNotMoney_ReportsLED008()
    {
        AssertOne(With(Approve, "  Approve: { zh: 批准, en: Approve, roles: [clerk], ledger: [agreed], ledgerTotal: decidedOn }"), true, "LED008", 15, "decidedOn",
            "'ledgerTotal' of trigger 'Approve' must name a money field of the definition ('decidedOn' is not one)");
    }

    [Fact]
    public void Load_LedgerTriggerWithoutHeadsFile_ReportsLED007()
    {
        AssertOne(With(Approve, "  Approve: { zh: 批准, en: Approve, roles: [clerk], ledger: [paid] }"), false, "LED007", 15, "paid", "trigger 'Approve' records ledger entries but the catalog has no heads (workflows/ledger.yaml)");
    }

    [Fact]
    public void Load_HeadsFileWithoutHeadsOrNames_ReportsLED001AndWF002InTheFile()
    {
        var empty = Load(Base, new CatalogFile("ledger.yaml", "heads: {}\n"));
        var problem = Assert.Single(empty.Problems);
        Assert.Equal(("LED001", "ledger.yaml", 1), (problem.RuleId, problem.Position.File, problem.Position.Line));

        var unnamed = Load(Base, new CatalogFile("ledger.yaml", "heads:\n  permanentLoss: { zh: 永久性损害 }\n"));
        problem = Assert.Single(unnamed.Problems);
        Assert.Equal(("WF002", "ledger.yaml", 2), (problem.RuleId, problem.Position.File, problem.Position.Line));
        Assert.Contains("ledger head 'permanentLoss' is missing required key 'en'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedLedger_ListsTheN9HeadsWithPunitiveDamages()
    {
        var heads = TestUtils.ShippedCatalog.Catalog.Ledger.All.Select(h => h.Id);
        Assert.Equal(
            ["emergencyResponse", "cleanUpAndRepair", "preventingSpread", "serviceFunctionLoss", "permanentLoss", "investigationAndAppraisal", "reasonableCosts", "punitiveDamages"],
            heads);
    }

    [Fact]
    public void Summary_OwedFollowsTheAwardOverTheAgreementAndClaimsNeverCreateDebt()
    {
        var at = NodaTime.Instant.FromUtc(2026, 3, 2, 1, 0);
        LedgerEntry E(int seq, LedgerKind kind, string head, decimal amount) => new(seq, kind, head, amount, null, null, null, null, null, null, at, "u", "T");
        var agreed = LedgerSummary.Compute([E(1, LedgerKind.Claimed, "permanentLoss", 900m), E(2, LedgerKind.Assessed, "permanentLoss", 800m), E(3, LedgerKind.Agreed, "permanentLoss", 700m), E(4, LedgerKind.Paid, "permanentLoss", 200m)]);
        Assert.Equal((900m, 800m, 700m, 500m, false), (agreed.Totals.Claimed, agreed.Totals.Assessed, agreed.Totals.Owed, agreed.Of("permanentLoss").Outstanding, agreed.Settled));

        var awarded = LedgerSummary.Compute([E(1, LedgerKind.Agreed, "permanentLoss", 700m), E(2, LedgerKind.Awarded, "punitiveDamages", 300m), E(3, LedgerKind.Paid, "punitiveDamages", 300m)]);
        Assert.Equal((0m, 300m, true), (awarded.Of("permanentLoss").Owed, awarded.Totals.Owed, awarded.Settled));
        Assert.False(LedgerSummary.Compute([]).Settled); // nothing owed is not "settled"
    }
}
