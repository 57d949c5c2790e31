using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Simulation;

/// <summary>A scripted case: which workflow, when it starts, its data, and the steps to play on a virtual clock.</summary>
/// <param name="Path">The file it was read from (as shown in problems).</param>
/// <param name="Workflow">Definition id.</param>
/// <param name="Version">A pinned version, or null for the newest in force at <paramref name="Start"/>.</param>
/// <param name="Start">Local start time in the workflow calendar's zone.</param>
/// <param name="CaseId">Case id.</param>
/// <param name="StartedBy">Role that starts the case.</param>
/// <param name="Data">Initial case data, as text.</param>
/// <param name="Steps">Steps in order.</param>
public sealed record Scenario(
    string Path,
    Token Workflow,
    Token? Version,
    LocalDateTime Start,
    string CaseId,
    Token StartedBy,
    IReadOnlyList<ScenarioValue> Data,
    IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>The title written as <c>zh:</c> and <c>en:</c> (either alone stands for both), or null.</summary>
    public LocalizedText? Title { get; init; }
}

/// <summary>A <c>field: value</c> pair as written in a scenario.</summary>
/// <param name="Field">Field id.</param>
/// <param name="Value">Value text (coerced by the engine to the field's type).</param>
public sealed record ScenarioValue(Token Field, string Value)
{
    /// <summary>The records when the value is written as a list of mappings (a trigger's record key, e.g. <c>ledger</c>); else null.</summary>
    public Execution.RecordList? Records { get; init; }

    /// <summary>The value handed to the engine: the records, or the text.</summary>
    public object? Input => Records ?? (object?)Value;
}

/// <summary>One step of a <see cref="Scenario"/>.</summary>
/// <param name="Position">Where the step is written.</param>
public abstract record ScenarioStep(SourcePosition Position);

/// <summary><c>fire: Trigger</c>, acting <c>as</c> a role, with data; <c>expect: refused</c> when refusal is the point.</summary>
/// <param name="Position">Where the step is written.</param>
/// <param name="Trigger">Trigger id.</param>
/// <param name="Role">Role acted in.</param>
/// <param name="ActorId">Actor id (defaults to the role).</param>
/// <param name="Data">Data carried by the trigger.</param>
/// <param name="ExpectRefused">True when the trigger is expected to be refused.</param>
public sealed record FireStep(
    SourcePosition Position, Token Trigger, Token Role, string? ActorId, IReadOnlyList<ScenarioValue> Data, bool ExpectRefused)
    : ScenarioStep(Position)
{
    /// <summary>The branch of a multi-instance call to fire in (<c>branch: phases/2</c>), or null.</summary>
    public string? Branch { get; init; }

    /// <summary>The actor's department (<c>department:</c>), e.g. for a trigger only the designated department fires (R27).</summary>
    public string? Department { get; init; }

    /// <summary>The party of the case the actor acts as (<c>party:</c>), for <c>asParty</c> triggers.</summary>
    public string? Party { get; init; }
}

/// <summary><c>advance: 23d</c> or <c>until: 2026-04-02T08:00</c>: the clock moves and every deadline event due on the way happens.</summary>
/// <param name="Position">Where the step is written.</param>
/// <param name="By">A period to move by, or null.</param>
/// <param name="Until">A local time to move to, or null.</param>
public sealed record AdvanceStep(SourcePosition Position, Period? By, LocalDateTime? Until) : ScenarioStep(Position);

/// <summary><c>attach: documentType</c>, optionally <c>servedOn</c> (default: today) and <c>reference</c>.</summary>
/// <param name="Position">Where the step is written.</param>
/// <param name="Document">Document type id.</param>
/// <param name="ServedOn">Service date, or null for the current day.</param>
/// <param name="Reference">Caller's reference.</param>
/// <param name="Role">Role attaching it.</param>
public sealed record AttachStep(SourcePosition Position, Token Document, LocalDate? ServedOn, string? Reference, Token Role)
    : ScenarioStep(Position);

/// <summary><c>expect: { state, closed, supervisedBy, data }</c>: assertions on the case; a failed one fails the run.</summary>
/// <param name="Position">Where the step is written.</param>
/// <param name="State">A state the case must be in (a current state of any frame, or an ancestor of one).</param>
/// <param name="Closed">Whether the case must be closed (root in a terminal state).</param>
/// <param name="SupervisedBy">A role the case must have been escalated to.</param>
/// <param name="Data">Field values the case must hold (compared as text).</param>
public sealed record ExpectStep(
    SourcePosition Position, Token? State, bool? Closed, Token? SupervisedBy, IReadOnlyList<ScenarioValue> Data) : ScenarioStep(Position);
