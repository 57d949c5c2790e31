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
        // Queued, not Immediate: with Immediate, Stateless 5.x recurses forever when a transition enters
        // a superstate with an InitialTransition (dotnet-state-machine/stateless#439, #515). Entry and
        // exit actions here only record; nothing fires from inside the machine, so both modes agree.
        Machine = new StateMachine<int, int>(() => context.State, s => context.State = s, FiringMode.Queued);
        Machine.OnUnhandledTrigger((_, _, unmet) =>
        {
            context.Unhandled = true;
            context.UnmetGuards = unmet;
        });
        StatelessConfigurator.Configure(Machine, workflow, context);
    }

    public StateMachine<int, int> Machine { get; }

    public MachineContext Context { get; }
}
