using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Tests.Validation;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Periods;

/// <summary>The engine's <c>after:</c>: a transition waiting for a period is refused until the period has run.</summary>
public sealed class AfterCheckTests
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant Monday = new LocalDateTime(2026, 3, 2, 10, 0).InZoneStrictly(Zone).ToInstant();
    private static readonly Actor Clerk = new("u1", "clerk");

    // Review's period escalates instead of firing, and Approve waits for it.
    private static WorkflowEngine Engine()
    {
        var definition = DefinitionFixture.With(
            DefinitionFixture.With("overdue: { fire: Expire }", "overdue: { escalate: clerk }"),
            "Approve: { to: Done, guard: \"amount > 0\" }",
            "Approve: { to: Done, guard: \"amount > 0\", after: review }");
        var loaded = DefinitionFixture.Load(definition);
        Assert.True(loaded.Success, string.Join("\n", loaded.Problems));
        return new WorkflowEngine(loaded.Catalog!);
    }

    private static CaseInstance Submitted(WorkflowEngine engine)
    {
        var started = engine.Start("mini", null, "c1", Clerk, Monday).Case;
        return engine.Fire(started, new FireRequest("Submit", Clerk, Monday, ImmutableDictionary<string, object?>.Empty.Add("amount", 5m))).Case;
    }

    [Fact]
    public void Fire_TransitionAfterPeriodNotYetRun_IsRefusedWithTheLastDayAndDueInstant()
    {
        var engine = Engine();
        var @case = Submitted(engine);

        var result = engine.Fire(@case, new FireRequest("Approve", Clerk, Monday.Plus(Duration.FromDays(5))));

        var refusal = Assert.Single(result.Refusals);
        Assert.Equal((RefusalKind.PeriodNotElapsed, "review"), (refusal.Kind, refusal.Subject));
        // 2026-03-02 + 10 days: last day Thu 03-12, ending at 03-13 00:00.
        Assert.Contains("审查期限 (Review period)", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("its last day is 2026-03-12 and it ends at 2026-03-13 00:00 (Asia/Shanghai)", refusal.Message, StringComparison.Ordinal);
        Assert.Same(@case, result.Case);
    }

    [Fact]
    public void Fire_TransitionAfterPeriodHasRun_IsAccepted()
    {
        var engine = Engine();
        var @case = Submitted(engine);
        var due = @case.Deadlines.Single().Due;

        Assert.False(engine.Fire(@case, new FireRequest("Approve", Clerk, due.Minus(Duration.FromSeconds(1)))).Accepted);
        var result = engine.Fire(@case, new FireRequest("Approve", Clerk, due));

        Assert.True(result.Accepted, string.Join("; ", result.Refusals.Select(r => r.Message)));
        Assert.Equal("Done", result.Case.State);
    }

    [Fact]
    public void Render_ShippedClaim_MarksTheTransitionsThatWaitForAPeriod()
    {
        var text = Workflow.Engine.Diagrams.MermaidDiagram.Render(TestUtils.ShippedCatalog.Catalog.Latest("claim")!.Definition);

        Assert.Contains("CourtNotice --> AwaitingRuling : 公告期满 ⏳ courtNotice", text, StringComparison.Ordinal);
        Assert.Contains("DebtorPeriod --> Enforcement : 支付令生效 ⏳ debtorResponse", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_ShippedCatalog_ListsTreasuriesWithTheirJurisdictions()
    {
        var reference = TestUtils.ShippedCatalog.Catalog.Reference;

        Assert.True(reference.Contains("departments", "maritimeBureau"));
        Assert.True(reference.Contains("jurisdictions", "chongchuan"));
        Assert.False(reference.Contains("jurisdictions", "崇川区"));
        Assert.False(reference.Contains("counties", "chongchuan"));
        // R27: the city treasury and one per jurisdiction, each naming the jurisdiction it serves.
        Assert.Equal(reference.Jurisdictions.Select(j => j.Id), reference.Treasuries.Select(t => t.Jurisdiction));
        Assert.Equal(("nantong", "nantong"), (reference.Treasuries[0].Id, reference.Treasuries[0].Jurisdiction));
    }

    [Fact]
    public void Load_TreasuryOfUnknownJurisdiction_ReportsREF003()
    {
        const string text = """
            departments:
              ecologyBureau: { zh: 市生态环境局, en: Ecology }
            jurisdictions:
              nantong: { zh: 南通市, en: Nantong }
            treasuries:
              cityTreasury: { zh: 市级国库, en: City treasury, jurisdiction: nantong }
              lostTreasury: { zh: 某国库, en: Lost treasury, jurisdiction: gangzha }
            """;

        var result = Workflow.Engine.Reference.ReferenceDataLoader.Load(text, "reference/organisation.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("REF003", 7), (problem.RuleId, problem.Position.Line));
        Assert.Contains("'lostTreasury'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CatalogWithBadReferenceFile_FailsWithItsProblem()
    {
        var result = DefinitionFixture.Load(DefinitionFixture.Base, new CatalogFile("reference/organisation.yaml", "departments: [a, b]\njurisdictions: {}\n"));

        Assert.False(result.Success);
        Assert.Contains(result.Problems, p => p.RuleId == "REF002");
    }
}
