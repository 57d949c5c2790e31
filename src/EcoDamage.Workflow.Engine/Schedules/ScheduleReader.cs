using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Loading;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>Reads schedules (a state's <c>schedules:</c>), a trigger's <c>meets:</c> and a field's <c>derived:</c>.</summary>
internal sealed class ScheduleReader
{
    private static readonly Dictionary<string, DataType> MemberTypes = new(StringComparer.Ordinal)
    {
        ["date"] = DataType.Date,
        ["money"] = DataType.Money,
        ["decimal"] = DataType.Decimal,
        ["integer"] = DataType.Integer,
        ["text"] = DataType.Text,
        ["boolean"] = DataType.Boolean,
    };

    private readonly ReadingContext _context;
    private readonly ProblemList _problems;

    public ScheduleReader(ReadingContext context)
    {
        _context = context;
        _problems = context.Problems;
    }

    /// <summary>Reads schedule <paramref name="key"/>: its item members, deadline, optional monthly minimum and completion trigger.</summary>
    public ScheduleDefinition? ReadSchedule(YScalar key, YNode node)
    {
        var what = $"schedule '{key.Value}'";
        var m = new MappingReader(node, what, _problems);
        var names = m.Names();
        var members = ReadMembers(m.Required("item"), what);
        var deadline = m.Required("deadline") is { } deadlineNode ? ReadDeadline(key, names, deadlineNode, what) : null;
        MonthlyMinimum? monthly = null;
        if (m.Optional("monthly") is { } monthlyNode)
        {
            var mm = new MappingReader(monthlyNode, $"'monthly' of {what}", _problems);
            var minimum = mm.RequiredToken("minimum");
            var date = mm.RequiredToken("date");
            mm.Finish();
            monthly = minimum is null || date is null ? null : new MonthlyMinimum(minimum.Value, date.Value, monthlyNode.Position);
        }

        Token? completed = null;
        if (m.Optional("completed") is { } completedNode)
        {
            var cm = new MappingReader(completedNode, $"'completed' of {what}", _problems);
            completed = cm.RequiredToken("fire");
            cm.Finish();
        }

        var implements = m.TokenList("implements");
        m.Finish();
        return deadline is null ? null : new ScheduleDefinition(key.Value, names, members, deadline, monthly, completed, implements, key.Position);
    }

    /// <summary>Reads a trigger's <c>meets: { schedule, item, amount }</c>.</summary>
    public ScheduleMeets? ReadMeets(YNode? node, string trigger)
    {
        if (node is null)
        {
            return null;
        }

        var m = new MappingReader(node, $"'meets' of trigger '{trigger}'", _problems);
        var schedule = m.RequiredToken("schedule");
        var item = m.RequiredToken("item");
        var amount = m.OptionalToken("amount");
        m.Finish();
        return schedule is null || item is null ? null : new ScheduleMeets(schedule.Value, item.Value, amount, node.Position);
    }

    /// <summary>Reads a field's <c>derived: { schedule, sum }</c>.</summary>
    public ScheduleSum? ReadDerived(YNode? node, string field)
    {
        if (node is null)
        {
            return null;
        }

        var m = new MappingReader(node, $"'derived' of data field '{field}'", _problems);
        var schedule = m.RequiredToken("schedule");
        var sum = m.RequiredToken("sum");
        m.Finish();
        return schedule is null || sum is null ? null : new ScheduleSum(schedule.Value, sum.Value, node.Position);
    }

    private List<ScheduleMember> ReadMembers(YNode? node, string what)
    {
        var list = new List<ScheduleMember>();
        if (node is null)
        {
            return list;
        }

        if (node is not YMapping map || map.Entries.Count == 0)
        {
            _problems.Error("WF140", $"'item' of {what} must map each member to its type (date, money, decimal, integer, text, boolean)", node.Position);
            return list;
        }

        foreach (var entry in map.Entries)
        {
            DataType? type = null;
            if (entry.Value is YScalar t && MemberTypes.TryGetValue(t.Value, out var found))
            {
                type = found;
            }
            else
            {
                _problems.Error("WF140", $"member '{entry.Key.Value}' of {what} must have a type: {string.Join(", ", MemberTypes.Keys)}", entry.Value.Position);
            }

            list.Add(new ScheduleMember(new Token(entry.Key.Value, entry.Key.Position), type));
        }

        return list;
    }

    /// <summary>The schedule's deadline: reminders, remind role, holiday rule and overdue action (no period: items or months give the due date).</summary>
    private DeadlineDefinition ReadDeadline(YScalar key, LocalizedText names, YNode node, string what)
    {
        var m = new MappingReader(node, $"'deadline' of {what}", _problems);
        var holidayRule = _context.ReadHolidayRule(m.OptionalToken("holidayRule"));
        var reminders = m.TokenList("remind");
        var remindRole = m.OptionalToken("remindRole");
        OverdueDefinition? overdue = null;
        if (m.Optional("overdue") is { } overdueNode)
        {
            var om = new MappingReader(overdueNode, $"'overdue' of {what}", _problems);
            var escalate = om.OptionalToken("escalate");
            var fire = om.OptionalToken("fire");
            LocalizedText? basis = null;
            if (om.Optional("basis") is { } basisNode)
            {
                var bm = new MappingReader(basisNode, $"'basis' of {what}", _problems);
                basis = bm.Names();
                bm.Finish();
            }

            om.Finish();
            overdue = new OverdueDefinition(escalate, fire, basis, overdueNode.Position);
        }

        var implements = m.TokenList("implements");
        m.Finish();
        return new DeadlineDefinition(key.Value, names, null, null, DeadlineAnchor.Entered, holidayRule, reminders, remindRole, overdue, implements, node.Position);
    }
}
