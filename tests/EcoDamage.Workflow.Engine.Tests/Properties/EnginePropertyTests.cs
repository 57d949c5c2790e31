using System.Collections.Concurrent;
using CsCheck;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Properties;

public sealed class EnginePropertyTests
{
    [Fact]
    public void FireAttachTick_RandomRunsOnShippedDefinitions_KeepStatesVersionsAndDeadlinesConsistent()
    {
        var visited = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var accepted = 0L;

        StepGenerators.Run.Sample(run =>
        {
            var runner = new CaseRunner(ShippedCatalog.Catalog);
            runner.Run(run.Root, run.Steps);
            Interlocked.Add(ref accepted, runner.Accepted);
            foreach (var s in runner.StatesVisited)
            {
                visited.TryAdd(s, 0);
            }
        }, iter: 300, print: run => $"{run.Root}: {string.Join(", ", run.Steps)}");

        // The runs must get somewhere for the invariants to mean anything. Measured over 60 samples of 300
        // runs: at least 2,339 accepted changes and 19 states each time; PreliminaryCheck and Negotiating
        // always reached. Deeper states (repair.ObligorRepairing: missed once in 60) are not asserted, so
        // that the check cannot fail by chance.
        Assert.True(accepted > 400, $"only {accepted} accepted changes");
        Assert.Contains("claim.PreliminaryCheck", visited.Keys);
        Assert.Contains("consultation.Negotiating", visited.Keys);
        Assert.True(visited.Count >= 15, $"only {visited.Count} states visited: {string.Join(", ", visited.Keys.Order())}");
    }

    [Theory]
    [InlineData("claim")]
    [InlineData("consultation")]
    [InlineData("repair")]
    public void Definition_ShippedGraph_EveryReachableNonTerminalStateCanReachATerminal(string id)
    {
        var definition = ShippedCatalog.Catalog.Latest(id)!.Definition;
        var states = definition.AllStates().ToDictionary(s => s.Id, StringComparer.Ordinal);
        var edges = states.Values.Where(s => s.Substates.Count == 0).ToDictionary(
            s => s.Id,
            s => CaseRunner.Ancestry(definition, s.Id)
                .SelectMany(a => states[a].Transitions)
                .Select(t => t.Target is { } target ? Enter(states, target.Text) : s.Id)
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            StringComparer.Ordinal);

        var reachable = Bfs([Enter(states, definition.Initial.Text)], edges);

        Assert.Equal(states.Values.Where(s => s.Substates.Count == 0).Select(s => s.Id).Order(), reachable.Order());
        foreach (var id2 in reachable.Where(s => !states[s].Terminal))
        {
            Assert.True(Bfs([id2], edges).Any(s => states[s].Terminal), $"{id}: no terminal state reachable from '{id2}'");
            Assert.NotEmpty(edges[id2]);
        }
    }

    private static string Enter(Dictionary<string, StateDefinition> states, string id)
    {
        var state = states[id];
        while (state.Substates.Count > 0)
        {
            state = states[state.Initial!.Value.Text];
        }

        return state.Id;
    }

    private static HashSet<string> Bfs(IEnumerable<string> start, Dictionary<string, List<string>> edges)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var s))
        {
            foreach (var next in edges[s].Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }
}
