using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>
/// Checks one definition against its context and reports every problem at once, each with its rule id
/// and position. The rules are listed in <c>docs/validation-rules.md</c>.
/// </summary>
internal sealed partial class DefinitionValidator
{
    private readonly WorkflowDefinition _def;
    private readonly ValidationContext _context;
    private readonly ProblemList _problems;
    private readonly StateIndex _states;
    private readonly Dictionary<string, TriggerDefinition> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldDefinition> _fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedTriggers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deadlineIds = new(StringComparer.Ordinal);

    private DefinitionValidator(WorkflowDefinition definition, ValidationContext context, ProblemList problems)
    {
        _def = definition;
        _context = context;
        _problems = problems;
        _states = new StateIndex(definition);
        foreach (var t in definition.Triggers)
        {
            _triggers[t.Id] = t;
        }

        foreach (var f in definition.Fields)
        {
            _fields[f.Id] = f;
        }

        foreach (var d in definition.Documents)
        {
            _documents.Add(d.Id);
        }
    }

    public static void Validate(WorkflowDefinition definition, ValidationContext context, ProblemList problems)
    {
        var v = new DefinitionValidator(definition, context, problems);
        v.CheckHeader();
        v.CheckDataDeclarations();
        v.CheckTriggers();
        v.CheckStart();
        v.CheckStates();
        v.CheckExpressions();
        v.CheckGraph();
        v.CheckUnusedTriggers();
        DeclarationRules.Check(definition, v._states, context, problems);
    }

    private void CheckHeader()
    {
        if (_def.Effective.To is { } to && to < _def.Effective.From)
        {
            _problems.Error("WF004", $"effective period ends ({to:yyyy-MM-dd}) before it starts ({_def.Effective.From:yyyy-MM-dd})", _def.EffectivePosition ?? _def.Position);
        }

        if (!_context.Calendars.Contains(_def.Calendar.Text))
        {
            Unknown("WF018", "calendar", _def.Calendar, _context.Calendars);
        }

        CheckImplements(_def.Implements);
        foreach (var duplicate in _states.Duplicates)
        {
            _problems.Error("WF010", $"state id '{duplicate.Id}' is declared more than once", duplicate.Position);
        }
    }

    private void CheckDataDeclarations()
    {
        foreach (var p in _def.Parameters)
        {
            CheckImplements(p.Implements);
        }

        foreach (var d in _def.Documents)
        {
            CheckImplements(d.Implements);
        }

        foreach (var f in _def.Fields)
        {
            CheckImplements(f.Implements);
            if (f.Lookup is not { } lookup)
            {
                continue;
            }

            if (!_context.Tables.TryGetValue(lookup.Table.Text, out var table))
            {
                Unknown("WF019", "lookup table", lookup.Table, _context.Tables.Keys);
            }
            else if (_fields.TryGetValue(lookup.Key.Text, out var key) && key.Type == DataType.Enum && table.Default is null)
            {
                foreach (var value in key.Values.Where(v => !table.Rows.ContainsKey(v.Id)))
                {
                    _problems.Error("WF019", $"table '{table.Id}' has no row for '{value.Id}' of field '{key.Id}' and no default", lookup.Table.Position);
                }
            }

            if (!_fields.ContainsKey(lookup.Key.Text))
            {
                Unknown("WF013", "field", lookup.Key, _fields.Keys);
            }
        }
    }

    private void CheckTriggers()
    {
        foreach (var t in _def.Triggers)
        {
            CheckImplements(t.Implements);
            foreach (var role in t.Roles)
            {
                CheckRole(role);
            }

            foreach (var input in t.Inputs)
            {
                if (CheckField(input) is { Lookup: not null })
                {
                    _problems.Error("WF017", $"field '{input.Text}' is derived from a table and cannot be supplied by trigger '{t.Id}'", input.Position);
                }
            }

            CheckRequirements(t.Requires);
        }
    }

    private void CheckStart()
    {
        if (_def.Start is not { } start)
        {
            return;
        }

        foreach (var role in start.Roles)
        {
            CheckRole(role);
        }

        foreach (var input in start.Inputs)
        {
            if (CheckField(input) is { Lookup: not null })
            {
                _problems.Error("WF017", $"field '{input.Text}' is derived from a table and cannot be supplied at start", input.Position);
            }
        }

        CheckRequirements(start.Requires);
        foreach (var doc in start.Requires.Documents)
        {
            _problems.Error("WF004", $"'start' cannot require document '{doc.Text}': a new case has no documents", doc.Position);
        }
    }

    private void CheckRequirements(Requirements requires)
    {
        foreach (var field in requires.Data)
        {
            CheckField(field);
        }

        foreach (var doc in requires.Documents)
        {
            if (!_documents.Contains(doc.Text))
            {
                Unknown("WF014", "document", doc, _documents);
            }
        }
    }

    private FieldDefinition? CheckField(Token field)
    {
        if (_fields.TryGetValue(field.Text, out var def))
        {
            return def;
        }

        Unknown("WF013", "field", field, _fields.Keys);
        return null;
    }

    private void CheckRole(Token role)
    {
        if (!_context.Roles.Contains(role.Text))
        {
            Unknown("WF015", "role", role, _context.Roles.Roles.Keys);
        }
    }

    private void CheckImplements(IReadOnlyList<Token> ids)
    {
        foreach (var id in ids)
        {
            if (!RequirementIds.IsKnown(id.Text))
            {
                _problems.Error("WF070", $"'{id.Text}' is not a requirement id of DOMAIN.md (R1–R35, N1–N10)", id.Position);
            }
        }
    }

    private void CheckUnusedTriggers()
    {
        foreach (var t in _def.Triggers.Where(t => !_usedTriggers.Contains(t.Id)))
        {
            _problems.Warning("WF090", $"trigger '{t.Id}' is declared but no state handles it", t.Position);
        }
    }

    private void Unknown(string rule, string kind, Token token, IEnumerable<string> known)
    {
        var hint = Loading.Suggest.Closest(token.Text, known);
        _problems.Error(rule, $"unknown {kind} '{token.Text}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}", token.Position);
    }
}
