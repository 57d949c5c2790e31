using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diagrams;

/// <summary>
/// The marks of a diagram of changes (<see cref="DiagramOptions.Marks"/>): states by id, transitions by instance (two
/// equal transitions of different states are different edges). Built by <see cref="Diffing.DiffDiagram"/>.
/// </summary>
public sealed class DiagramMarks
{
    private readonly IReadOnlyDictionary<string, DiagramMark> _states;
    private readonly Dictionary<TransitionDefinition, DiagramMark> _transitions;

    internal DiagramMarks(IReadOnlyDictionary<string, DiagramMark> states, IEnumerable<KeyValuePair<TransitionDefinition, DiagramMark>> transitions)
    {
        _states = states;
        _transitions = new Dictionary<TransitionDefinition, DiagramMark>(ReferenceEqualityComparer.Instance);
        foreach (var (transition, mark) in transitions)
        {
            _transitions[transition] = mark;
        }
    }

    /// <summary>The mark of <paramref name="state"/>.</summary>
    /// <param name="state">A state of the drawn definition.</param>
    /// <returns>Its mark; <see cref="DiagramMark.None"/> when unmarked.</returns>
    public DiagramMark Of(StateDefinition state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _states.GetValueOrDefault(state.Id);
    }

    /// <summary>The mark of <paramref name="transition"/>.</summary>
    /// <param name="transition">A transition of the drawn definition.</param>
    /// <returns>Its mark; <see cref="DiagramMark.None"/> when unmarked.</returns>
    public DiagramMark Of(TransitionDefinition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return _transitions.GetValueOrDefault(transition);
    }
}
