namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>The part of a definition a <see cref="DefinitionChange"/> is about.</summary>
public enum ChangeElement
{
    /// <summary>The definition's own title.</summary>
    Definition,

    /// <summary>The dates the version is in force (R35).</summary>
    EffectivePeriod,

    /// <summary>The working-day calendar.</summary>
    Calendar,

    /// <summary>What a calendar-day period ending on a holiday does (definition-wide or on a deadline).</summary>
    HolidayRule,

    /// <summary>The state a new case starts in.</summary>
    Initial,

    /// <summary>Who may start a case and with what data.</summary>
    Start,

    /// <summary>A named constant (<c>param.NAME</c>).</summary>
    Parameter,

    /// <summary>A case data field.</summary>
    DataField,

    /// <summary>An allowed value of an enum data field.</summary>
    EnumValue,

    /// <summary>A document type.</summary>
    Document,

    /// <summary>A trigger.</summary>
    Trigger,

    /// <summary>A role allowed to fire a trigger, start a case or attach a document.</summary>
    Role,

    /// <summary>A data field a trigger or the start may carry.</summary>
    Input,

    /// <summary>A data field or document that must be present (<c>requires:</c>).</summary>
    Requirement,

    /// <summary>A statutory period that must have run first (<c>after:</c>).</summary>
    After,

    /// <summary>A state (or sub-state).</summary>
    State,

    /// <summary>A transition: what a trigger does in a state, its target.</summary>
    Transition,

    /// <summary>The guard of a transition.</summary>
    Guard,

    /// <summary>An assignment a transition makes (<c>set:</c>).</summary>
    Assignment,

    /// <summary>A deadline of a state or a transition.</summary>
    Deadline,

    /// <summary>A reminder offset of a deadline.</summary>
    Reminder,

    /// <summary>What happens when a deadline passes: escalation, auto-fire, legal basis.</summary>
    Overdue,

    /// <summary>A side effect on entry, on exit or on a transition.</summary>
    Action,

    /// <summary>A sub-process a state calls.</summary>
    Call,

    /// <summary>An event name a definition declares.</summary>
    Event,

    /// <summary>A collection of items a case records.</summary>
    Collection,

    /// <summary>A schedule of a state (instalments, monthly minimums).</summary>
    Schedule,

    /// <summary>The listing and filter columns.</summary>
    Listing,

    /// <summary>The clue-intake declaration.</summary>
    Intake,

    /// <summary>A requirement id (R…/N…) an element implements.</summary>
    Implements,
}
