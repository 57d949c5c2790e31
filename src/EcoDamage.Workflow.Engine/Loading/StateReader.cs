using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>Reads a state with its sub-states, transitions (targets, guards, assignments) and calls of other workflows.</summary>
internal sealed class StateReader
{
    private readonly ReadingContext _context;
    private readonly EffectReader _effects;
    private readonly ProblemList _problems;

    public StateReader(ReadingContext context, EffectReader effects)
    {
        _context = context;
        _effects = effects;
        _problems = context.Problems;
    }

    /// <summary>Reads state <paramref name="key"/> and, recursively, its sub-states.</summary>
    public StateDefinition? ReadState(YScalar key, YNode node)
    {
        var what = $"state '{key.Value}'";
        var m = new MappingReader(node, what, _problems);
        var names = m.Names();
        var owner = m.OptionalToken("owner");
        var terminal = m.OptionalBool("terminal");
        var initial = m.OptionalToken("initial");
        var substates = _context.ReadMap(m.Optional("states"), $"sub-states of '{key.Value}'", ReadState);
        var transitions = ReadTransitions(m.Optional("on"), key.Value);
        var deadlines = _context.ReadMap(m.Optional("deadlines"), $"deadlines of '{key.Value}'", _effects.ReadDeadline);
        var onEntry = _effects.ReadActions(m.Optional("onEntry"), $"onEntry of '{key.Value}'");
        var onExit = _effects.ReadActions(m.Optional("onExit"), $"onExit of '{key.Value}'");
        var call = m.Optional("call") is { } callNode ? ReadCall(callNode, key.Value) : null;
        var implements = m.TokenList("implements");
        var schedules = _context.ReadMap(m.Optional("schedules"), $"schedules of '{key.Value}'", new Schedules.ScheduleReader(_context).ReadSchedule);
        m.Finish();
        return new StateDefinition(
            key.Value, names, owner, terminal, initial, substates, transitions, deadlines,
            onEntry, onExit, call, implements, key.Position) { Schedules = schedules };
    }

    /// <summary><c>on:</c> maps trigger → target, → transition, or → list of alternative transitions.</summary>
    private List<TransitionDefinition> ReadTransitions(YNode? node, string state)
    {
        var list = new List<TransitionDefinition>();
        if (node is null)
        {
            return list;
        }

        var m = new MappingReader(node, $"'on' of state '{state}'", _problems);
        foreach (var entry in m.Entries)
        {
            var trigger = new Token(entry.Key.Value, entry.Key.Position);
            if (entry.Value is YSequence alternatives)
            {
                foreach (var alternative in alternatives.Items)
                {
                    list.Add(ReadTransition(trigger, alternative, state));
                }
            }
            else
            {
                list.Add(ReadTransition(trigger, entry.Value, state));
            }
        }

        return list;
    }

    private TransitionDefinition ReadTransition(Token trigger, YNode node, string state)
    {
        if (node is YScalar target)
        {
            return new TransitionDefinition(
                trigger, new Token(target.Value, target.Position), null, [], Requirements.None, [], [], [], target.Position);
        }

        var what = $"transition '{trigger.Text}' of state '{state}'";
        var m = new MappingReader(node, what, _problems);
        var to = m.OptionalToken("to");
        var guard = m.Optional("guard") is YScalar g ? new ExpressionSource(g.Value, g.Position, g.IsQuoted) { Verbatim = g.IsVerbatim } : null;
        var set = ReadAssignments(m.Optional("set"), what);
        var requires = _context.ReadRequirements(m.Optional("requires"), what);
        var actions = _effects.ReadActions(m.Optional("actions"), what);
        var deadlines = _context.ReadMap(m.Optional("deadlines"), $"deadlines of {what}", _effects.ReadDeadline);
        var implements = m.TokenList("implements");
        var after = m.TokenList("after");
        m.Finish();
        return new TransitionDefinition(trigger, to, guard, set, requires, actions, deadlines, implements, node.Position) { After = after };
    }

    private List<Assignment> ReadAssignments(YNode? node, string owner)
    {
        var list = new List<Assignment>();
        if (node is null)
        {
            return list;
        }

        var m = new MappingReader(node, $"'set' of {owner}", _problems);
        foreach (var entry in m.Entries)
        {
            if (entry.Value is YScalar value)
            {
                list.Add(new Assignment(
                    new Token(entry.Key.Value, entry.Key.Position),
                    new ExpressionSource(value.Value, value.Position, value.IsQuoted) { Verbatim = value.IsVerbatim }));
            }
            else
            {
                _problems.Error("WF004", $"assignment to '{entry.Key.Value}' must be an expression", entry.Value.Position);
            }
        }

        return list;
    }

    private CallDefinition? ReadCall(YNode node, string state)
    {
        var m = new MappingReader(node, $"'call' of state '{state}'", _problems);
        var workflow = m.RequiredToken("workflow");
        var version = m.OptionalToken("version");
        var forEach = m.OptionalToken("forEach");
        var outcomes = new List<CallOutcome>();
        if (m.Required("outcomes") is { } outcomesNode)
        {
            var om = new MappingReader(outcomesNode, $"'outcomes' of state '{state}'", _problems);
            foreach (var entry in om.Entries)
            {
                if (entry.Value is YScalar trigger)
                {
                    outcomes.Add(new CallOutcome(
                        new Token(entry.Key.Value, entry.Key.Position), new Token(trigger.Value, trigger.Position)));
                }
                else if (entry.Value is YMapping && Instances.InstanceReader.ReadOutcome(_problems, entry.Key, entry.Value, state) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
                else if (entry.Value is not YMapping)
                {
                    _problems.Error("WF004", $"outcome '{entry.Key.Value}' must name a trigger", entry.Value.Position);
                }
            }
        }

        m.Finish();
        return workflow is null ? null : new CallDefinition(workflow.Value, version, outcomes, node.Position) { ForEach = forEach };
    }
}
