using EcoDamage.Workflow.Engine.Catalog;
using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>Guard errors (EXPR00x) positioned inside the guard, several faults at once, and the JSON form.</summary>
public sealed class GuardAndFormatTests
{
    private const string QuotedGuard = "Approve: { to: Done, guard: \"amount > 0\" }";

    [Fact]
    public void Load_QuotedGuardWithUnknownField_ReportsEXPR002AtTheFieldInsideTheQuotes()
    {
        AssertProblems(
            Load(With(QuotedGuard, "Approve: { to: Done, guard: \"amout > 0\" }")).Problems,
            ("EXPR002", 36, 36, "in 'amout > 0': unknown field 'amout' (did you mean 'amount'?)"));
    }

    [Fact]
    public void Load_QuotedGuardWithUnknownFieldLaterOn_ReportsEXPR002AtThatToken()
    {
        AssertProblems(
            Load(With(QuotedGuard, "Approve: { to: Done, guard: \"amount > 0 && bogus\" }")).Problems,
            ("EXPR002", 36, 50, "in 'amount > 0 && bogus': unknown field 'bogus'"));
    }

    [Fact]
    public void Load_PlainGuardWithUnknownField_ReportsEXPR002AtThatToken()
    {
        AssertProblems(
            Load(With(QuotedGuard, "Approve:\n        to: Done\n        guard: amount > 0 && bogus")).Problems,
            ("EXPR002", 38, 30, "in 'amount > 0 && bogus': unknown field 'bogus'"));
    }

    [Fact]
    public void Load_GuardEndingEarly_ReportsEXPR001AtTheEnd()
    {
        AssertProblems(
            Load(With(QuotedGuard, "Approve: { to: Done, guard: \"amount >\" }")).Problems,
            ("EXPR001", 36, 44, "in 'amount >': expected an expression but found end of expression"));
    }

    [Fact]
    public void Load_GuardThatIsNotBoolean_ReportsEXPR005()
    {
        AssertProblems(
            Load(With(QuotedGuard, "Approve: { to: Done, guard: \"amount\" }")).Problems,
            ("EXPR005", 36, 36, "in 'amount': the expression is Money but Boolean is expected"));
    }

    [Fact]
    public void Load_GuardComparingEnumWithUndeclaredValue_ReportsEXPR006AtTheLiteral()
    {
        AssertProblems(
            Load(With(QuotedGuard, "Approve: { to: Done, guard: \"kind == 'c'\" }")).Problems,
            ("EXPR006", 36, 44, "in 'kind == 'c'': 'c' is not a value of enum field 'kind' (allowed: a, b)"));
    }

    [Fact]
    public void Load_AssignmentOfWrongType_ReportsEXPR005AtTheValue()
    {
        AssertProblems(
            Load(With("Submit: Review", "Submit: { to: Review, set: { decidedOn: \"1\" } }")).Problems,
            ("EXPR005", 24, 48, "in '1': the expression is Integer but Date is expected"));
    }

    [Fact]
    public void Load_FoldedGuardWithUnknownField_ReportsEXPR002AtTheStartOfTheScalar()
    {
        AssertProblems(
            Load(With(QuotedGuard, "Approve:\n        to: Done\n        guard: >-\n          amount > 0 && bogus")).Problems,
            ("EXPR002", 38, 16, "in 'amount > 0 && bogus': unknown field 'bogus'"));
    }

    [Fact]
    public void Load_SeveralFaults_ReportsAllOfThemInOrder()
    {
        var text = Base
            .Replace("version: 1.0.0", "version: '1.0'")
            .Replace("roles: [clerk] }\n  Expire", "roles: [clerk, judge] }\n  Expire")
            .Replace("initial: Draft", "  Unused: { zh: 未用, en: Unused, roles: [clerk] }\ninitial: Draft")
            .Replace("    owner: clerk\n    on:\n      Submit", "    ownr: clerk\n    on:\n      Submit")
            .Replace("period: 10d", "period: 10x")
            .Replace("guard: \"amount > 0\"", "guard: \"amout > 0\"");

        var result = Load(text);

        Assert.False(result.Success);
        Assert.Equal(
            ["WF003", "WF004", "WF015", "WF041", "EXPR002", "WF090"],
            result.Problems.Select(p => p.RuleId));
        Assert.Equal(
            [(23, 5), (2, 10), (15, 50), (34, 17), (37, 36), (17, 3)],
            result.Problems.Select(p => (p.Position.Line, p.Position.Column)));
    }

    [Fact]
    public void Load_JsonTwinOfTheBase_HasTheSameStatesTriggersAndTransitions()
    {
        const string json = """
            {
              "id": "mini",
              "version": "1.0.0",
              "zh": "最小流程",
              "en": "Minimal",
              "effective": { "from": "2024-01-01" },
              "calendar": "cn-mainland",
              "data": {
                "amount": { "type": "money", "zh": "金额", "en": "Amount" },
                "decidedOn": { "type": "date", "zh": "决定日", "en": "Decided on" },
                "kind": { "type": "enum", "zh": "类别", "en": "Kind", "values": ["a", "b"] }
              },
              "documents": { "letter": { "zh": "函", "en": "Letter" } },
              "triggers": {
                "Submit": { "zh": "提交", "en": "Submit", "roles": ["clerk"], "inputs": ["amount"] },
                "Approve": { "zh": "批准", "en": "Approve", "roles": ["clerk"] },
                "Expire": { "zh": "过期", "en": "Expire", "roles": ["system"] }
              },
              "initial": "Draft",
              "states": {
                "Draft": { "zh": "草稿", "en": "Draft", "owner": "clerk", "on": { "Submit": "Review" } },
                "Review": {
                  "zh": "审查", "en": "Review", "owner": "clerk",
                  "deadlines": {
                    "review": { "zh": "审查期限", "en": "Review period", "period": "10d", "overdue": { "fire": "Expire" } }
                  },
                  "on": { "Approve": { "to": "Done", "guard": "amount > 0" }, "Expire": "Done" }
                },
                "Done": { "zh": "完成", "en": "Done", "terminal": true }
              }
            }
            """;
        var fromYaml = Load(Base).Catalog!.Workflows.Single().Definition;

        var result = WorkflowCatalog.Load([
            new CatalogFile("roles.yaml", Roles),
            new CatalogFile("calendars/cn-mainland.yaml", Calendar),
            new CatalogFile("mini.workflow.json", json),
        ]);

        Assert.True(result.Success, string.Join('\n', result.Problems));
        Assert.Empty(result.Problems);
        var fromJson = result.Catalog!.Workflows.Single().Definition;
        Assert.Equal(fromYaml.Key, fromJson.Key);
        Assert.Equal(Describe(fromYaml), Describe(fromJson));
        Assert.Equal(fromYaml.Triggers.Select(t => (t.Id, string.Join(",", t.Roles))), fromJson.Triggers.Select(t => (t.Id, string.Join(",", t.Roles))));
    }

    [Fact]
    public void Load_JsonWithUnknownKey_ReportsWF003AtTheJsonKey()
    {
        var result = WorkflowCatalog.Load([
            new CatalogFile("roles.yaml", Roles),
            new CatalogFile("calendars/cn-mainland.yaml", Calendar),
            new CatalogFile("mini.workflow.json", "{\n  \"id\": \"mini\",\n  \"versoin\": \"1.0.0\"\n}"),
        ]);

        AssertProblemsIn(
            "mini.workflow.json",
            result.Problems,
            ("WF002", 1, 1, "the definition is missing required key 'version'"),
            ("WF002", 1, 1, "the definition is missing required key 'zh'"),
            ("WF002", 1, 1, "the definition is missing required key 'en'"),
            ("WF002", 1, 1, "the definition is missing required key 'effective'"),
            ("WF002", 1, 1, "the definition is missing required key 'calendar'"),
            ("WF002", 1, 1, "the definition is missing required key 'initial'"),
            ("WF002", 1, 1, "the definition is missing required key 'states'"),
            ("WF003", 3, 3, "unknown key 'versoin' in the definition (did you mean 'version'?)"));
    }

    private static string[] Describe(Definitions.WorkflowDefinition d) =>
        d.AllStates()
            .Select(s => $"{s.Id} terminal={s.Terminal} on=[{string.Join(";", s.Transitions.Select(t => $"{t.Trigger.Text}->{t.Target?.Text}?{t.Guard?.Text}"))}] deadlines=[{string.Join(";", s.Deadlines.Select(x => $"{x.Id}:{x.Period?.Text}:{x.Overdue?.Fire?.Text}"))}]")
            .Prepend($"initial={d.Initial.Text}")
            .ToArray();
}
