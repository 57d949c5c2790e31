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
    public IReadOnlyList<string> Exited => _exited ?? [];

    /// <summary>States entered, outermost first.</summary>
    public IReadOnlyList<string> Entered => _entered ?? [];

    /// <summary>Deadlines opened by the change.</summary>
    public IReadOnlyList<DeadlineInstance> DeadlinesOpened => _opened ?? [];

    /// <summary>Deadlines closed by the change.</summary>
    public IReadOnlyList<DeadlineInstance> DeadlinesClosed => _closed ?? [];

    /// <summary>Side effects to perform, in order.</summary>
    public IReadOnlyList<PerformedAction> Actions => _actions ?? [];

    /// <summary>Data fields set, with their new values (null: cleared).</summary>
    public IReadOnlyDictionary<string, object?> Changes => _changes ?? NoChanges;

    /// <summary>The branch of a multi-instance call the trigger was fired in; null for the case's own frames.</summary>
    public string? Branch { get; internal set; }

    /// <summary>Triggers the engine fired as a consequence (sub-process outcomes).</summary>
    public IReadOnlyList<FireResult> FollowUps => _followUps ?? [];

    // Allocated on first use: most fires touch only a few of these.
    private static readonly IReadOnlyDictionary<string, object?> NoChanges = new Dictionary<string, object?>();
    private List<string>? _exited;
    private List<string>? _entered;
    private List<DeadlineInstance>? _opened;
    private List<DeadlineInstance>? _closed;
    private List<PerformedAction>? _actions;
    private Dictionary<string, object?>? _changes;
    private List<FireResult>? _followUps;

    internal void AddExited(string state) => (_exited ??= []).Add(state);

    internal void AddEntered(string state) => (_entered ??= []).Add(state);

    internal void AddOpened(DeadlineInstance deadline) => (_opened ??= []).Add(deadline);

    internal void AddClosed(DeadlineInstance deadline) => (_closed ??= []).Add(deadline);

    internal void AddAction(PerformedAction action) => (_actions ??= []).Add(action);

    internal void SetChange(string field, object? value) => (_changes ??= new(StringComparer.Ordinal))[field] = value;

    internal void AddFollowUp(FireResult followUp) => (_followUps ??= []).Add(followUp);

    /// <summary>Rewrites the opened and closed deadlines (a branch's fire reports them under their case keys).</summary>
    internal void MapDeadlines(Func<DeadlineInstance, DeadlineInstance> map)
    {
        _opened = _opened?.ConvertAll(d => map(d));
        _closed = _closed?.ConvertAll(d => map(d));
    }

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
