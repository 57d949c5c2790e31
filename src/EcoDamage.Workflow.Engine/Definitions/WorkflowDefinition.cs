using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>One version of a workflow definition, as read from its YAML or JSON file.</summary>
/// <param name="Id">Definition id (e.g. <c>claim</c>).</param>
/// <param name="Version">Semantic version (<c>1.0.0</c>).</param>
/// <param name="Title">Title.</param>
/// <param name="Effective">Dates in force (R35).</param>
/// <param name="Implements">Requirement ids covered by the definition as a whole.</param>
/// <param name="Calendar">Working-day calendar id.</param>
/// <param name="HolidayRule">What a calendar-day period ending on a holiday does.</param>
/// <param name="Parameters">Named constants.</param>
/// <param name="Fields">Case data fields.</param>
/// <param name="Documents">Document types.</param>
/// <param name="Triggers">Triggers.</param>
/// <param name="Initial">The state a new case starts in.</param>
/// <param name="States">Top-level states (sub-states nested inside).</param>
/// <param name="Position">Start of the file.</param>
public sealed record WorkflowDefinition(
    string Id,
    SemanticVersion Version,
    LocalizedText Title,
    EffectivePeriod Effective,
    IReadOnlyList<Token> Implements,
    Token Calendar,
    HolidayRule HolidayRule,
    IReadOnlyList<ParameterDefinition> Parameters,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<DocumentDefinition> Documents,
    IReadOnlyList<TriggerDefinition> Triggers,
    Token Initial,
    IReadOnlyList<StateDefinition> States,
    SourcePosition Position)
{
    /// <summary><c>id@version</c>.</summary>
    public string Key => $"{Id}@{Version}";

    /// <summary>Where the version is written (defaults to <see cref="Position"/>).</summary>
    public SourcePosition? VersionPosition { get; init; }

    /// <summary>Who may start a case and with what data; null when anyone may, with any field.</summary>
    public StartDefinition? Start { get; init; }

    /// <summary>Where the effective period is written (defaults to <see cref="Position"/>).</summary>
    public SourcePosition? EffectivePosition { get; init; }

    /// <summary>Which data fields fill the case's listing and filter columns; null: none.</summary>
    public ListingDefinition? Listing { get; init; }

    /// <summary>Set when this definition is the clue-intake workflow: registering a clue starts a case on it.</summary>
    public IntakeDefinition? Intake { get; init; }

    /// <summary>Collections of items a case records (<c>collections:</c>), e.g. repair phases.</summary>
    /// <value>Empty when the definition declares none.</value>
    public IReadOnlyList<Instances.CollectionDefinition> Collections { get; init; } = [];

    /// <summary>The listing columns of a case on this definition holding <paramref name="data"/>.</summary>
    /// <param name="data">The case's data.</param>
    /// <returns>The columns; <see cref="CaseListing.None"/> without a <c>listing:</c> block.</returns>
    public CaseListing ListingOf(IReadOnlyDictionary<string, object?> data) => Listing?.Read(data) ?? CaseListing.None;

    /// <summary>Every declared action: on entry, on exit and on transitions of every state.</summary>
    public IEnumerable<ActionDefinition> Actions() =>
        AllStates().SelectMany(s => s.OnEntry.Concat(s.OnExit).Concat(s.Transitions.SelectMany(t => t.Actions)));

    /// <summary>Every state, depth first, sub-states after their parent.</summary>
    public IEnumerable<StateDefinition> AllStates() => Flatten(States);

    private static IEnumerable<StateDefinition> Flatten(IReadOnlyList<StateDefinition> states)
    {
        foreach (var state in states)
        {
            yield return state;
            foreach (var sub in Flatten(state.Substates))
            {
                yield return sub;
            }
        }
    }
}
