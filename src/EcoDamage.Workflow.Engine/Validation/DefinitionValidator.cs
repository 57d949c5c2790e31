using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>
/// Checks one definition against its context and reports every problem at once, each with its rule id
/// and position. The rules are listed in <c>docs/validation-rules.md</c>.
/// </summary>
internal sealed class DefinitionValidator
{
    private readonly ValidationRun _run;

    private DefinitionValidator(ValidationRun run)
    {
        _run = run;
    }

    public static void Validate(WorkflowDefinition definition, ValidationContext context, ProblemList problems)
    {
        var run = new ValidationRun(definition, context, problems);
        var v = new DefinitionValidator(run);
        v.CheckHeader();
        v.CheckDataDeclarations();
        v.CheckTriggers();
        v.CheckStart();
        Instances.InstanceRules.Check(run);
        new StateRules(run, new CallRules(run)).CheckStates();
        new Schedules.ScheduleRules(run).Check();
        new ExpressionRules(run).CheckExpressions();
        new GraphRules(run).CheckGraph();
        v.CheckUnusedTriggers();
        DeclarationRules.Check(definition, run.States, context, problems);
        new Periods.AfterRules(run).Check();
        Reference.ReferenceRules.Check(run);
    }

    private void CheckHeader()
    {
        if (_run.Definition.Effective.To is { } to && to < _run.Definition.Effective.From)
        {
            _run.Problems.Error("WF004", $"effective period ends ({to:yyyy-MM-dd}) before it starts ({_run.Definition.Effective.From:yyyy-MM-dd})", _run.Definition.EffectivePosition ?? _run.Definition.Position);
        }

        if (!_run.Context.Calendars.Contains(_run.Definition.Calendar.Text))
        {
            _run.Unknown("WF018", "calendar", _run.Definition.Calendar, _run.Context.Calendars);
        }

        _run.CheckImplements(_run.Definition.Implements);
        foreach (var duplicate in _run.States.Duplicates)
        {
            _run.Problems.Error("WF010", $"state id '{duplicate.Id}' is declared more than once", duplicate.Position);
        }
    }

    private void CheckDataDeclarations()
    {
        foreach (var p in _run.Definition.Parameters)
        {
            _run.CheckImplements(p.Implements);
        }

        foreach (var d in _run.Definition.Documents)
        {
            _run.CheckImplements(d.Implements);
            foreach (var role in d.Roles)
            {
                _run.CheckRole(role);
            }
        }

        foreach (var f in _run.Definition.Fields)
        {
            _run.CheckImplements(f.Implements);
            if (f.Lookup is not { } lookup)
            {
                continue;
            }

            if (!_run.Context.Tables.TryGetValue(lookup.Table.Text, out var table))
            {
                _run.Unknown("WF019", "lookup table", lookup.Table, _run.Context.Tables.Keys);
            }
            else if (_run.Fields.TryGetValue(lookup.Key.Text, out var key) && key.Type == DataType.Enum && table.Default is null)
            {
                foreach (var value in key.Values.Where(v => !table.Rows.ContainsKey(v.Id) && !table.Branches.ContainsKey(v.Id)))
                {
                    _run.Problems.Error("WF019", $"table '{table.Id}' has no row for '{value.Id}' of field '{key.Id}' and no default", lookup.Table.Position);
                }
            }

            if (!_run.Fields.ContainsKey(lookup.Key.Text))
            {
                _run.Unknown("WF013", "field", lookup.Key, _run.Fields.Keys);
            }

            Routing.LookupRules.CheckFacts(_run, f, table);
        }
    }

    private void CheckTriggers()
    {
        foreach (var t in _run.Definition.Triggers)
        {
            _run.CheckImplements(t.Implements);
            foreach (var role in t.Roles)
            {
                _run.CheckRole(role);
            }

            foreach (var input in t.Inputs)
            {
                if (_run.CheckField(input) is { Lookup: not null })
                {
                    _run.Problems.Error("WF017", $"field '{input.Text}' is derived from a table and cannot be supplied by trigger '{t.Id}'", input.Position);
                }
            }

            _run.CheckRequirements(t.Requires);
        }
    }

    private void CheckStart()
    {
        if (_run.Definition.Start is not { } start)
        {
            return;
        }

        foreach (var role in start.Roles)
        {
            _run.CheckRole(role);
        }

        foreach (var input in start.Inputs)
        {
            if (_run.CheckField(input) is { Lookup: not null })
            {
                _run.Problems.Error("WF017", $"field '{input.Text}' is derived from a table and cannot be supplied at start", input.Position);
            }
        }

        _run.CheckRequirements(start.Requires);
        foreach (var doc in start.Requires.Documents)
        {
            _run.Problems.Error("WF004", $"'start' cannot require document '{doc.Text}': a new case has no documents", doc.Position);
        }
    }

    private void CheckUnusedTriggers()
    {
        foreach (var t in _run.Definition.Triggers.Where(t => !_run.UsedTriggers.Contains(t.Id)))
        {
            _run.Problems.Warning("WF090", $"trigger '{t.Id}' is declared but no state handles it", t.Position);
        }
    }
}
