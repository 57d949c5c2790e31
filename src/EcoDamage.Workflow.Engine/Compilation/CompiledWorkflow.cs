using System.Collections.Concurrent;
using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>
/// A validated definition compiled for running: its Stateless machines (pooled, one per concurrent
/// fire), compiled guards, triggers and deadlines. Immutable and thread-safe.
/// </summary>
public sealed class CompiledWorkflow
{
    private readonly ConcurrentBag<MachineLease> _pool = [];
    private int _pooled;
    private MachineLease? _hot;
    private readonly Dictionary<string, List<CompiledTransition>> _transitionsByState;
    private readonly Dictionary<string, HashSet<string>> _handledByState;

    internal CompiledWorkflow(
        WorkflowDefinition definition,
        StateIndex states,
        IReadOnlyDictionary<string, CompiledTrigger> triggers,
        Dictionary<string, List<CompiledTransition>> transitionsByState,
        IReadOnlyDictionary<string, IReadOnlyList<CompiledDeadline>> deadlinesByState,
        IReadOnlyDictionary<string, FieldDefinition> fields,
        IReadOnlyDictionary<string, LookupTable> lookups,
        DeadlineCalculator calculator,
        Schedules.ScheduleSet? schedules = null)
    {
        Schedules = schedules ?? EcoDamage.Workflow.Engine.Schedules.ScheduleSet.Empty;
        Definition = definition;
        States = states;
        Triggers = triggers;
        _transitionsByState = transitionsByState;
        DeadlinesByState = deadlinesByState;
        Fields = fields;
        Lookups = lookups;
        Calculator = calculator;
        DerivedFields = fields.Values.Where(f => f.Lookup is not null).ToArray();
        Key = definition.Key;
        Events = DefinitionEvents.Of(definition);
        Symbols = new MachineSymbols(states.States.Keys, triggers.Keys);
        DeadlinesById = deadlinesByState.Values.SelectMany(d => d)
            .Concat(transitionsByState.Values.SelectMany(t => t).SelectMany(t => t.Deadlines))
            .Concat(Schedules.Deadlines)
            .ToDictionary(d => d.Definition.Id, StringComparer.Ordinal);
        _handledByState = states.States.Keys.ToDictionary(
            id => id,
            id => TriggersHandledIn(id).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>The definition compiled.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary><c>id@version</c>.</summary>
    public string Key { get; }

    /// <summary>The event names the definition declares, indexed.</summary>
    public DefinitionEvents Events { get; }

    internal StateIndex States { get; }

    internal MachineSymbols Symbols { get; }

    internal IReadOnlyDictionary<string, CompiledTrigger> Triggers { get; }

    internal IReadOnlyDictionary<string, IReadOnlyList<CompiledDeadline>> DeadlinesByState { get; }

    /// <summary>Every deadline of the definition (of states and of transitions) by id.</summary>
    internal IReadOnlyDictionary<string, CompiledDeadline> DeadlinesById { get; }

    internal IReadOnlyDictionary<string, FieldDefinition> Fields { get; }

    /// <summary>The definition's schedules (their deadlines are in <see cref="DeadlinesById"/> too).</summary>
    internal Schedules.ScheduleSet Schedules { get; }

    internal IReadOnlyList<FieldDefinition> DerivedFields { get; }

    internal IReadOnlyDictionary<string, LookupTable> Lookups { get; }

    internal DeadlineCalculator Calculator { get; }

    /// <summary>The transitions declared on <paramref name="state"/> itself (not inherited).</summary>
    internal IReadOnlyList<CompiledTransition> TransitionsOf(string state) =>
        _transitionsByState.TryGetValue(state, out var list) ? list : [];

    /// <summary>True when <paramref name="state"/> or an ancestor declares a transition for <paramref name="trigger"/>.</summary>
    internal bool Handles(string state, string trigger) =>
        _handledByState.TryGetValue(state, out var handled) && handled.Contains(trigger);

    /// <summary>Triggers handled in <paramref name="state"/> (itself and ancestors), in declaration order.</summary>
    public IReadOnlyList<string> TriggersHandledIn(string state)
    {
        var result = new List<string>();
        for (var s = States.Find(state); s is not null; s = States.ParentOf(s.Id))
        {
            result.AddRange(TransitionsOf(s.Id).Select(t => t.Trigger).Where(t => !result.Contains(t)));
        }

        return result;
    }

    internal MachineLease Rent()
    {
        // One lease is kept in a slot of its own: the common, uncontended case costs one exchange.
        if (Interlocked.Exchange(ref _hot, null) is { } hot)
        {
            return hot;
        }

        if (_pool.TryTake(out var lease))
        {
            Interlocked.Decrement(ref _pooled);
            return lease;
        }

        return new MachineLease(this);
    }

    internal void Return(MachineLease lease)
    {
        lease.Context.Release();
        if (Interlocked.CompareExchange(ref _hot, lease, null) is null)
        {
            return;
        }

        // Counted with Interlocked rather than ConcurrentBag.Count, which locks every per-thread list.
        // The bound is approximate under races, as before.
        if (Interlocked.Increment(ref _pooled) <= Environment.ProcessorCount * 4)
        {
            _pool.Add(lease);
        }
        else
        {
            Interlocked.Decrement(ref _pooled);
        }
    }
}
