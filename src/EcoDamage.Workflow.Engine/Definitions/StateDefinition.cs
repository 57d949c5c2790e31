using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A state of the lifecycle, possibly with sub-states.</summary>
/// <param name="Id">State id, unique in the definition (sub-states included).</param>
/// <param name="Name">Label.</param>
/// <param name="Owner">The role responsible while a case is here (reminded of its deadlines).</param>
/// <param name="Terminal">True for an end state; a terminal state has no transitions.</param>
/// <param name="Initial">The sub-state entered when this state is entered (required when it has sub-states).</param>
/// <param name="Substates">Nested states; they inherit this state's transitions and deadlines.</param>
/// <param name="Transitions">Transitions out of (or inside) this state.</param>
/// <param name="Deadlines">Deadlines opened on entry.</param>
/// <param name="OnEntry">Actions on entry.</param>
/// <param name="OnExit">Actions on exit.</param>
/// <param name="Call">Sub-process run while here.</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record StateDefinition(
    string Id,
    LocalizedText Name,
    Token? Owner,
    bool Terminal,
    Token? Initial,
    IReadOnlyList<StateDefinition> Substates,
    IReadOnlyList<TransitionDefinition> Transitions,
    IReadOnlyList<DeadlineDefinition> Deadlines,
    IReadOnlyList<ActionDefinition> OnEntry,
    IReadOnlyList<ActionDefinition> OnExit,
    CallDefinition? Call,
    IReadOnlyList<Token> Implements,
    SourcePosition Position)
{
    /// <summary>Schedules whose deadlines run while this state is active (<c>schedules:</c>).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<Schedules.ScheduleDefinition> Schedules { get; init; } = [];
}
