using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// What firing a trigger did, or why it did not. On refusal <see cref="Case"/> is the unchanged input
/// and <see cref="Refusals"/> lists every reason found.
/// </summary>
public sealed class FireResult
{
    internal FireResult(CaseInstance @case, IReadOnlyList<Refusal> refusals)
    {
        Case = @case;
        Refusals = refusals;
    }

    /// <summary>True when the trigger was applied.</summary>
    public bool Accepted => Refusals.Count == 0;

    /// <summary>The case after the change (or unchanged on refusal).</summary>
    public CaseInstance Case { get; internal set; }

    /// <summary>Reasons for refusal; empty when accepted.</summary>
    public IReadOnlyList<Refusal> Refusals { get; }

    /// <summary>The trigger fired.</summary>
    public string Trigger { get; internal init; } = string.Empty;

    /// <summary>Innermost state before.</summary>
    public string From { get; internal init; } = string.Empty;

    /// <summary>Innermost state after.</summary>
    public string To { get; internal set; } = string.Empty;

    /// <summary>States exited, innermost first.</summary>
    public List<string> Exited { get; } = [];

    /// <summary>States entered, outermost first.</summary>
    public List<string> Entered { get; } = [];

    /// <summary>Deadlines opened by the change.</summary>
    public List<DeadlineInstance> DeadlinesOpened { get; } = [];

    /// <summary>Deadlines closed by the change.</summary>
    public List<DeadlineInstance> DeadlinesClosed { get; } = [];

    /// <summary>Side effects to perform, in order.</summary>
    public List<PerformedAction> Actions { get; } = [];

    /// <summary>Data fields set, with their new values.</summary>
    public Dictionary<string, object?> Changes { get; } = new(StringComparer.Ordinal);

    /// <summary>Triggers the engine fired as a consequence (sub-process outcomes).</summary>
    public List<FireResult> FollowUps { get; } = [];

    internal static FireResult Refused(CaseInstance @case, string trigger, params Refusal[] refusals) =>
        new(@case, refusals) { Trigger = trigger, From = @case.State, To = @case.State };

    internal static FireResult Refused(CaseInstance @case, string trigger, IReadOnlyList<Refusal> refusals) =>
        new(@case, refusals) { Trigger = trigger, From = @case.State, To = @case.State };

    internal static FireResult Begin(CaseInstance @case, string trigger) =>
        new(@case, []) { Trigger = trigger, From = @case.State, To = @case.State };

    /// <summary>Actions of a kind (helper for callers and tests).</summary>
    public IEnumerable<PerformedAction> ActionsOf(ActionKind kind) =>
        Actions.Concat(FollowUps.SelectMany(f => f.ActionsOf(kind))).Where(a => a.Kind == kind);
}
