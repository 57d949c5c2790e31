using Stateless;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>
/// Declares a compiled definition to Stateless: hierarchy, initial sub-states, entry/exit recording
/// and one guarded transition per declared alternative. Alternatives of one trigger are made
/// mutually exclusive (first match wins) so Stateless never sees two permitted transitions.
/// </summary>
internal static class StatelessConfigurator
{
    public static void Configure(StateMachine<string, string> machine, CompiledWorkflow workflow, MachineContext context)
    {
        foreach (var state in workflow.Definition.AllStates())
        {
            var id = state.Id;
            var cfg = machine.Configure(id);
            if (workflow.States.ParentOf(id) is { } parent)
            {
                cfg.SubstateOf(parent.Id);
            }

            if (state.Substates.Count > 0 && state.Initial is { } initial)
            {
                cfg.InitialTransition(initial.Text);
            }

            cfg.OnEntry(() => context.Entered.Add(id), $"enter {id}");
            cfg.OnExit(() => context.Exited.Add(id), $"exit {id}");
            foreach (var group in workflow.TransitionsOf(id).GroupBy(t => t.Trigger))
            {
                ConfigureAlternatives(cfg, id, group.ToArray(), context);
            }
        }
    }

    private static void ConfigureAlternatives(
        StateMachine<string, string>.StateConfiguration cfg,
        string state,
        CompiledTransition[] alternatives,
        MachineContext context)
    {
        for (var i = 0; i < alternatives.Length; i++)
        {
            var transition = alternatives[i];
            var earlier = alternatives[..i];
            var description = transition.Guard?.Text ?? "(no guard)";
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
                cfg.InternalTransitionIf(transition.Trigger, _ => Guard(), () => { }, description);
            }
            else if (transition.Target == state)
            {
                cfg.PermitReentryIf(transition.Trigger, Guard, description);
            }
            else
            {
                cfg.PermitIf(transition.Trigger, transition.Target, Guard, description);
            }
        }
    }
}
