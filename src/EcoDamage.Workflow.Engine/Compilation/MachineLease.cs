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
        // Queued, not Immediate: with Immediate, Stateless 5.20 loops forever (stack overflow) entering a state that
        // has an InitialTransition (dotnet-state-machine/stateless#515, #439). The engine never fires from inside an
        // action, so queueing changes nothing else.
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
