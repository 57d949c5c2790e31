using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>Reads what states and transitions cause: deadlines (period or due date, anchor, overdue) and actions.</summary>
internal sealed class EffectReader
{
    private static readonly Dictionary<string, ActionKind> ActionKeys = new(StringComparer.Ordinal)
    {
        ["notify"] = ActionKind.Notify,
        ["copyTo"] = ActionKind.CopyTo,
        ["shareStatus"] = ActionKind.ShareStatus,
        ["publish"] = ActionKind.Publish,
        ["escalate"] = ActionKind.Escalate,
    };

    private readonly ReadingContext _context;
    private readonly ProblemList _problems;

    public EffectReader(ReadingContext context)
    {
        _context = context;
        _problems = context.Problems;
    }

    /// <summary>Reads deadline <paramref name="key"/>; it needs exactly one of <c>period</c> and <c>due</c>.</summary>
    public DeadlineDefinition? ReadDeadline(YScalar key, YNode node)
    {
        var what = $"deadline '{key.Value}'";
        var m = new MappingReader(node, what, _problems);
        var names = m.Names();
        var period = m.OptionalToken("period");
        var dueField = m.OptionalToken("due") is { } due ? FieldRef(due, "due") : null;
        var anchor = ReadAnchor(m.OptionalToken("from"));
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
        if ((period is null) == (dueField is null) && m.IsValid)
        {
            _problems.Error("WF047", $"{what} needs exactly one of 'period' and 'due'", key.Position);
        }

        return period is null && dueField is null
            ? null
            : new DeadlineDefinition(key.Value, names, period, dueField, anchor, holidayRule, reminders, remindRole, overdue, implements, key.Position);
    }

    private Token? FieldRef(Token token, string key)
    {
        const string prefix = "field:";
        if (token.Text.StartsWith(prefix, StringComparison.Ordinal) && token.Text.Length > prefix.Length)
        {
            return new Token(token.Text[prefix.Length..].Trim(), token.Position with { Column = token.Position.Column + prefix.Length });
        }

        _problems.Error("WF004", $"'{key}: {token.Text}' must be 'field:NAME'", token.Position);
        return null;
    }

    /// <summary><c>entered</c>, <c>field:NAME</c> or <c>document:NAME</c>.</summary>
    private DeadlineAnchor ReadAnchor(Token? token)
    {
        if (token is not { } t || t.Text == "entered")
        {
            return DeadlineAnchor.Entered;
        }

        var colon = t.Text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? null : t.Text[..colon];
        var rest = colon < 0 ? string.Empty : t.Text[(colon + 1)..];
        var name = rest.Trim();
        var lead = rest.Length - rest.TrimStart().Length;
        var nameToken = new Token(name, t.Position with { Column = t.Position.Column + colon + 1 + lead });
        switch (kind)
        {
            case "field" when name.Length > 0:
                return new DeadlineAnchor(AnchorKind.Field, nameToken);
            case "document" when name.Length > 0:
                return new DeadlineAnchor(AnchorKind.Document, nameToken);
            default:
                _problems.Error("WF004", $"'from: {t.Text}' must be 'entered', 'field:NAME' or 'document:NAME'", t.Position);
                return DeadlineAnchor.Entered;
        }
    }

    /// <summary>Reads a list of actions, each with exactly one kind naming its target.</summary>
    public List<ActionDefinition> ReadActions(YNode? node, string owner)
    {
        var list = new List<ActionDefinition>();
        if (node is null)
        {
            return list;
        }

        if (node is not YSequence seq)
        {
            _problems.Error("WF004", $"{owner} must be a list of actions", node.Position);
            return list;
        }

        foreach (var item in seq.Items)
        {
            var m = new MappingReader(item, $"an action of {owner}", _problems);
            if (!m.IsValid)
            {
                continue;
            }

            var kinds = m.Entries.Where(e => ActionKeys.ContainsKey(e.Key.Value)).ToList();
            foreach (var k in ActionKeys.Keys)
            {
                m.Optional(k);
            }

            LocalizedText? note = null;
            if (m.Optional("note") is { } noteNode)
            {
                var nm = new MappingReader(noteNode, $"'note' of an action of {owner}", _problems);
                note = nm.Names();
                nm.Finish();
            }

            var implements = m.TokenList("implements");
            var e = m.OptionalToken("event");
            m.Finish();
            if (kinds.Count != 1 || kinds[0].Value is not YScalar target)
            {
                _problems.Error(
                    "WF004",
                    $"an action of {owner} must have exactly one of {string.Join(", ", ActionKeys.Keys)} naming its target",
                    item.Position);
                continue;
            }

            list.Add(new ActionDefinition(
                ActionKeys[kinds[0].Key.Value], new Token(target.Value, target.Position), note, implements, item.Position) { Event = e });
        }

        return list;
    }
}
