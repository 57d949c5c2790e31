using Stateless;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>
/// One Stateless machine configured from a compiled definition, bound to its own
/// <see cref="MachineContext"/>. Configuring a machine is the expensive part, so leases are pooled
/// and reused; a lease is used by one fire at a time.
/// </summary>
internal sealed class MachineLease
{
    public MachineLease(CompiledWorkflow workflow)
    {
        var context = new MachineContext();
        Context = context;
        // Queued, not Immediate: in Immediate mode Stateless 5.x re-enters a superstate's initial
        // transition forever when a transition targets a composite state with external state storage
        // (dotnet-state-machine/stateless#439). The engine never fires from inside an action, so the
        // queue only ever holds the one trigger being fired.
        Machine = new StateMachine<string, string>(() => context.State, s => context.State = s, FiringMode.Queued);
        Machine.OnUnhandledTrigger((_, _, unmet) =>
        {
            context.Unhandled = true;
            context.UnmetGuards = unmet;
        });
        StatelessConfigurator.Configure(Machine, workflow, context);
    }

    public StateMachine<string, string> Machine { get; }

    public MachineContext Context { get; }
}
