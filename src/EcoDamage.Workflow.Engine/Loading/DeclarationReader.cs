using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>Reads a definition's declarations: parameters, data fields, documents and triggers.</summary>
internal sealed class DeclarationReader
{
    private readonly ReadingContext _context;
    private readonly ProblemList _problems;

    public DeclarationReader(ReadingContext context)
    {
        _context = context;
        _problems = context.Problems;
    }

    /// <summary>Reads parameter <paramref name="key"/>: its type and a value of that type.</summary>
    public ParameterDefinition? ReadParameter(YScalar key, YNode node)
    {
        var m = new MappingReader(node, $"parameter '{key.Value}'", _problems);
        var names = m.Names();
        var type = ReadType(m.RequiredToken("type"));
        var valueToken = m.RequiredToken("value");
        var implements = m.TokenList("implements");
        m.Finish();
        if (type is null || valueToken is null)
        {
            return null;
        }

        var value = ParseValue(type.Value, valueToken.Value, $"parameter '{key.Value}'");
        return new ParameterDefinition(key.Value, names, type.Value, value, implements, key.Position);
    }

    /// <summary>Reads data field <paramref name="key"/>: its type, enum values and lookup.</summary>
    public FieldDefinition? ReadField(YScalar key, YNode node)
    {
        var m = new MappingReader(node, $"data field '{key.Value}'", _problems);
        var names = m.Names();
        var type = ReadType(m.RequiredToken("type"));
        var values = ReadEnumValues(m.Optional("values"), key.Value);
        FieldLookup? lookup = null;
        if (m.Optional("lookup") is { } lookupNode)
        {
            var lm = new MappingReader(lookupNode, $"lookup of '{key.Value}'", _problems);
            var table = lm.RequiredToken("table");
            var by = lm.RequiredToken("key");
            lm.Finish();
            lookup = table is null || by is null ? null : new FieldLookup(table.Value, by.Value);
        }

        var implements = m.TokenList("implements");
        var reference = m.OptionalToken("reference");
        var personal = m.OptionalBool("personal");
        // 'derived:' is one of two forms, told apart by their key: { ledger: measure, head? } or { schedule, sum }.
        var derivedNode = m.Optional("derived");
        var fromLedger = derivedNode is YMapping dm && dm.Entries.Any(e => e.Key.Value == "ledger");
        var derived = fromLedger ? null : new Schedules.ScheduleReader(_context).ReadDerived(derivedNode, key.Value);
        var ledgerDerived = fromLedger ? Ledger.LedgerDeclarationReader.ReadField(derivedNode, key.Value, _problems) : null;
        m.Finish();
        if (type is null)
        {
            return null;
        }

        if (type == DataType.Enum && values.Count == 0)
        {
            _problems.Error("WF002", $"enum field '{key.Value}' needs a non-empty 'values' list", key.Position);
        }
        else if (type != DataType.Enum && values.Count > 0)
        {
            _problems.Error("WF004", $"'values' is only allowed on enum fields ('{key.Value}' is {type.Value.ToString().ToLowerInvariant()})", key.Position);
        }

        return new FieldDefinition(key.Value, names, type.Value, values, lookup, implements, key.Position) { Reference = reference, Derived = derived, LedgerDerived = ledgerDerived, Personal = personal };
    }

    private List<EnumValue> ReadEnumValues(YNode? node, string field)
    {
        var list = new List<EnumValue>();
        if (node is null)
        {
            return list;
        }

        if (node is not YSequence seq)
        {
            _problems.Error("WF004", $"'values' of '{field}' must be a list", node.Position);
            return list;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq.Items)
        {
            EnumValue? value = null;
            if (item is YScalar s)
            {
                value = new EnumValue(s.Value, null);
            }
            else
            {
                var m = new MappingReader(item, $"a value of '{field}'", _problems);
                var id = m.RequiredToken("id");
                var names = m.Names();
                m.Finish();
                value = id is null ? null : new EnumValue(id.Value.Text, names);
            }

            if (value is not null && !seen.Add(value.Id))
            {
                _problems.Error("WF010", $"duplicate value '{value.Id}' in '{field}'", item.Position);
            }
            else if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    /// <summary>Reads document <paramref name="key"/>.</summary>
    public DocumentDefinition? ReadDocument(YScalar key, YNode node)
    {
        var m = new MappingReader(node, $"document '{key.Value}'", _problems);
        var names = m.Names();
        var implements = m.TokenList("implements");
        var roles = m.TokenList("roles");
        m.Finish();
        return new DocumentDefinition(key.Value, names, implements, key.Position) { Roles = roles };
    }

    /// <summary>Reads trigger <paramref name="key"/>: its roles (at least one), inputs and requirements.</summary>
    public TriggerDefinition? ReadTrigger(YScalar key, YNode node)
    {
        var m = new MappingReader(node, $"trigger '{key.Value}'", _problems);
        var names = m.Names();
        var roles = m.TokenList("roles");
        var inputs = m.TokenList("inputs");
        var requires = _context.ReadRequirements(m.Optional("requires"), $"trigger '{key.Value}'");
        var implements = m.TokenList("implements");
        var e = m.OptionalToken("event");
        var collect = m.TokenList("collect");
        var after = m.TokenList("after");
        var schedule = m.TokenList("schedule");
        var meets = new Schedules.ScheduleReader(_context).ReadMeets(m.Optional("meets"), key.Value);
        var ledger = Ledger.LedgerDeclarationReader.ReadTrigger(m);
        m.Finish();
        if (roles.Count == 0 && m.IsValid)
        {
            _problems.Error("WF002", $"trigger '{key.Value}' must name at least one role in 'roles'", key.Position);
        }

        return new TriggerDefinition(key.Value, names, roles, inputs, requires, implements, key.Position)
        {
            Event = e, After = after, Collect = collect, Schedule = schedule, Meets = meets, Ledger = ledger,
            RecordInputs = RecordKeys.Of(collect, schedule, ledger?.RecordKeys() ?? []),
        };
    }

    private DataType? ReadType(Token? token)
    {
        switch (token?.Text)
        {
            case null: return null;
            case "boolean": return DataType.Boolean;
            case "integer": return DataType.Integer;
            case "money": return DataType.Money;
            case "decimal": return DataType.Decimal;
            case "text": return DataType.Text;
            case "enum": return DataType.Enum;
            case "date": return DataType.Date;
            default:
                _problems.Error(
                    "WF004",
                    $"type '{token.Value.Text}' must be one of boolean, integer, money, decimal, text, enum, date",
                    token.Value.Position);
                return null;
        }
    }

    private object? ParseValue(DataType type, Token token, string what)
    {
        if (DataValues.TryParse(type, token.Text, out var value))
        {
            return value;
        }

        _problems.Error("WF004", $"value '{token.Text}' of {what} is not a valid {type.ToString().ToLowerInvariant()}", token.Position);
        return null;
    }
}
