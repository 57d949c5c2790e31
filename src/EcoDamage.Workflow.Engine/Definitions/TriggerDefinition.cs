using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>Something a person, an embedding system or the engine itself does to a case.</summary>
/// <param name="Id">Trigger id.</param>
/// <param name="Name">Label.</param>
/// <param name="Roles">Roles allowed to fire it (<c>system</c> for the engine's own auto-fires).</param>
/// <param name="Inputs">Data fields the trigger may carry; anything else is refused.</param>
/// <param name="Requires">What must be present before it may fire.</param>
/// <param name="Implements">Requirement ids.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record TriggerDefinition(
    string Id,
    LocalizedText Name,
    IReadOnlyList<Token> Roles,
    IReadOnlyList<Token> Inputs,
    Requirements Requires,
    IReadOnlyList<Token> Implements,
    SourcePosition Position)
{
    /// <summary>The event a state change by this trigger is (<c>event:</c>); null: <see cref="EventNaming.StateChanged"/>.</summary>
    public Token? Event { get; init; }

    /// <summary>Statutory periods (deadline ids, <c>after:</c>) that must have run before the trigger may fire, whoever fires it.</summary>
    /// <value>Empty: no period holds the trigger back.</value>
    public IReadOnlyList<Token> After { get; init; } = [];

    /// <summary>Collections whose items the trigger records (<c>collect:</c>): each a record list in its data, replacing the collection's items.</summary>
    /// <value>Empty when it collects none.</value>
    public IReadOnlyList<Token> Collect { get; init; } = [];

    /// <summary>Schedules whose items this trigger records from its record list of the same id (<c>schedule: [instalments]</c>).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<Token> Schedule { get; init; } = [];

    /// <summary>The schedule item this trigger performs (<c>meets:</c>); null: none.</summary>
    public Schedules.ScheduleMeets? Meets { get; init; }

    /// <summary>What the trigger records about money and parties (<c>ledger:</c>, <c>parties:</c>, <c>asParty:</c>, <c>collectedBy:</c>); null: nothing.</summary>
    public Ledger.TriggerLedger? Ledger { get; init; }

    /// <summary>
    /// Keys of the trigger's data that carry a <see cref="Execution.RecordList"/> for one of the engine's constructs
    /// (each added by the construct's own YAML on the trigger), with where each is declared; empty: none.
    /// </summary>
    public IReadOnlyDictionary<string, SourcePosition> RecordInputs { get; init; } = NoRecordInputs;

    private static readonly IReadOnlyDictionary<string, SourcePosition> NoRecordInputs = new Dictionary<string, SourcePosition>(0);
}
