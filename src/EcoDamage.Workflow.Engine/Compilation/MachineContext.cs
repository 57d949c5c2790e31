using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>
/// The mutable per-fire state a pooled Stateless machine reads and writes through its closures:
/// the current state, the data guards see, and what the machine did.
/// </summary>
internal sealed class MachineContext
{
    public int State { get; set; }

    public IEvaluationContext? Evaluation { get; set; }

    public CompiledTransition? Selected { get; set; }

    public bool Unhandled { get; set; }

    public ICollection<string>? UnmetGuards { get; set; }

    public List<int> Entered { get; } = [];

    public List<int> Exited { get; } = [];

    public void Reset(int state, IEvaluationContext evaluation)
    {
        State = state;
        Evaluation = evaluation;
        Selected = null;
        Unhandled = false;
        UnmetGuards = null;
        Entered.Clear();
        Exited.Clear();
    }

    public void Release()
    {
        Evaluation = null;
        UnmetGuards = null;
    }
}
