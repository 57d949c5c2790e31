using EcoDamage.Workflow.Engine.Diagnostics;
using static EcoDamage.Workflow.Engine.Tests.Instances.InstanceFixture;

namespace EcoDamage.Workflow.Engine.Tests.Instances;

/// <summary>Reading and validating collections, <c>collect</c> and multi-instance calls (WF120–WF127).</summary>
public sealed class InstanceRuleTests
{
    [Fact]
    public void Load_Fixture_HasNoProblems()
    {
        var result = Load(Plan, TaskText);

        Assert.True(result.Success);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("weight: integer }", "weight: integr }", "WF120", 13, "member 'weight' of collection 'tasks': 'integr' is neither a type")]
    [InlineData("collect: [tasks] }", "collect: [taks] }", "WF121", 15, "unknown collection 'taks' (did you mean 'tasks'?)")]
    [InlineData("forEach: tasks", "forEach: jobs", "WF122", 31, "unknown collection 'jobs'")]
    [InlineData("when: any }", "when: some }", "WF123", 33, "'when' of outcome 'Failed' must be 'all' or 'any', not 'some'")]
    [InlineData("Failed: { trigger: SomeFailed, when: any }", "Failed: { trigger: SomeFailed }", "WF124", 30, "state 'Working' runs 'tasks' per item but 2 outcomes need every branch (Failed, Done)")]
    [InlineData("title: text,", "title: money,", "WF125", 13, "member 'title' of collection 'tasks' (money) seeds field 'title' of workflow 'task' (text)")]
    [InlineData("  tasks:\n", "  kind:\n", "WF127", 10, "collection 'kind' has the id of a data field")]
    public void Load_FaultyMultiInstance_ReportsTheRuleFileAndLine(string find, string replace, string rule, int line, string message)
    {
        var plan = Replace(Plan, find, replace);
        if (rule == "WF127")
        {
            plan = plan.Replace("collect: [tasks]", "collect: [kind]", StringComparison.Ordinal).Replace("forEach: tasks", "forEach: kind", StringComparison.Ordinal);
        }

        var problems = Load(plan, TaskText).Problems.Where(p => p.Severity == Severity.Error).ToList();

        var all = string.Join("\n", problems.Select(p => $"{p.RuleId} {p.Position.File}:{p.Position.Line} {p.Message}"));
        var problem = Assert.Single(problems, p => p.RuleId == rule);
        Assert.True((rule, "plan.workflow.yaml", line) == (problem.RuleId, problem.Position.File, problem.Position.Line), all);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenOnAPlainCall_ReportsWF123()
    {
        var plan = Replace(Plan, "      forEach: tasks\n", string.Empty);

        var problems = Load(plan, TaskText).Problems.Where(p => p.Severity == Severity.Error).ToList();

        Assert.True(problems.Select(p => p.RuleId).SequenceEqual(["WF123", "WF123"]), string.Join("\n", problems.Select(p => $"{p.RuleId} {p.Position.Line} {p.Message}")));
        Assert.Equal([32, 33], problems.Select(p => p.Position.Line));
    }

    [Fact]
    public void Load_CollectionNobodyCollects_WarnsWF126()
    {
        var plan = Replace(Plan, ", collect: [tasks] }", " }");

        var problem = Assert.Single(Load(plan, TaskText).Problems);

        Assert.Equal(("WF126", Severity.Warning, 10), (problem.RuleId, problem.Severity, problem.Position.Line));
    }

    private static string Replace(string text, string find, string replace)
    {
        Assert.Equal(1, CountOf(text, find));
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string find)
    {
        var n = 0;
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
