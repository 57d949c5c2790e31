using Stateless;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>
/// Declares a compiled definition to Stateless: hierarchy, initial sub-states, entry/exit recording
/// and one guarded transition per declared alternative. Alternatives of one trigger are made
/// mutually exclusive (first match wins) so Stateless never sees two permitted transitions.
/// States and triggers are passed as the dense ids of <see cref="MachineSymbols"/>.
/// </summary>
internal static class StatelessConfigurator
{
    public static void Configure(StateMachine<int, int> machine, CompiledWorkflow workflow, MachineContext context)
    {
        var symbols = workflow.Symbols;
        foreach (var state in workflow.Definition.AllStates())
        {
            var id = symbols.State(state.Id);
            var cfg = machine.Configure(id);
            if (workflow.States.ParentOf(state.Id) is { } parent)
            {
                cfg.SubstateOf(symbols.State(parent.Id));
            }

            if (state.Substates.Count > 0 && state.Initial is { } initial)
            {
                cfg.InitialTransition(symbols.State(initial.Text));
            }

            cfg.OnEntry(() => context.Entered.Add(id), $"enter {state.Id}");
            cfg.OnExit(() => context.Exited.Add(id), $"exit {state.Id}");
            foreach (var group in workflow.TransitionsOf(state.Id).GroupBy(t => t.Trigger))
            {
                ConfigureAlternatives(cfg, state.Id, group.ToArray(), symbols, context);
            }
        }
    }

    private static void ConfigureAlternatives(
        StateMachine<int, int>.StateConfiguration cfg,
        string state,
        CompiledTransition[] alternatives,
        MachineSymbols symbols,
        MachineContext context)
    {
        for (var i = 0; i < alternatives.Length; i++)
        {
            var transition = alternatives[i];
            var earlier = alternatives[..i];
            var description = transition.Guard?.Text ?? "(no guard)";
            var trigger = symbols.Trigger(transition.Trigger);
            bool Guard()
            {
                var evaluation = context.Evaluation!;
                foreach (var e in earlier)
                {
                    if (e.GuardHolds(evaluation))
                    {
                        return false;
                    }
                }

                if (!transition.GuardHolds(evaluation))
                {
                    return false;
                }

                context.Selected = transition;
                return true;
            }

            if (transition.Target is null)
            {
                cfg.InternalTransitionIf(trigger, _ => Guard(), () => { }, description);
            }
            else if (transition.Target == state)
            {
                cfg.PermitReentryIf(trigger, Guard, description);
            }
            else
            {
                cfg.PermitIf(trigger, symbols.State(transition.Target), Guard, description);
            }
        }
    }
}
