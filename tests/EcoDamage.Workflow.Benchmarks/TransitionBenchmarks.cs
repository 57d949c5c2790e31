using BenchmarkDotNet.Attributes;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// Twelve accepted transitions through the claim definition: the engine (from an immutable case
/// snapshot) against a bare enum Stateless machine with the same structure. Each operation is the
/// whole 12-step path; divide by <see cref="ClaimScenario.Steps"/> for per-transition figures.
/// </summary>
[MemoryDiagnoser]
public class TransitionBenchmarks
{
    private ClaimScenario _scenario = null!;
    private BareClaimMachine _bare = null!;
    private ClaimTrigger[] _triggers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new ClaimScenario();
        _scenario.Verify();
        (_bare, _triggers) = Baseline.Create(_scenario);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1, Description = "Bare Stateless, 12 transitions")]
    public ClaimState BareStateless() => _bare.Run(_triggers);

    [Benchmark(Description = "WorkflowEngine, 12 transitions")]
    public CaseInstance Engine() => _scenario.Run();
}

internal static class Baseline
{
    public static (BareClaimMachine Machine, ClaimTrigger[] Triggers) Create(ClaimScenario scenario)
    {
        var machine = new BareClaimMachine(scenario.ClaimDefinition, Enum.Parse<ClaimState>(scenario.Snapshot.State));
        var triggers = scenario.Requests.Select(r => Enum.Parse<ClaimTrigger>(r.Trigger)).ToArray();
        var final = machine.Run(triggers);
        var expected = Enum.Parse<ClaimState>(scenario.Verify().State);
        if (final != expected)
        {
            throw new InvalidOperationException($"bare machine ended in {final}, the engine in {expected}");
        }

        return (machine, triggers);
    }
}
