using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>
/// One validation of one definition: the definition, its context and problem list, its indexes, and the
/// reference checks every rule group uses (fields, documents, roles, requirement ids).
/// </summary>
internal sealed class ValidationRun
{
    public ValidationRun(WorkflowDefinition definition, ValidationContext context, ProblemList problems)
    {
        Definition = definition;
        Context = context;
        Problems = problems;
        States = new StateIndex(definition);
        foreach (var t in definition.Triggers)
        {
            Triggers[t.Id] = t;
        }

        foreach (var f in definition.Fields)
        {
            Fields[f.Id] = f;
        }

        foreach (var d in definition.Documents)
        {
            Documents.Add(d.Id);
        }
    }

    /// <summary>The definition under check.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>What the definition is checked against: calendars, tables, roles, other workflows.</summary>
    public ValidationContext Context { get; }

    /// <summary>Where every rule reports, in the order the rules run.</summary>
    public ProblemList Problems { get; }

    /// <summary>The definition's states, nested ones included, by id.</summary>
    public StateIndex States { get; }

    /// <summary>The declared triggers by id.</summary>
    public Dictionary<string, TriggerDefinition> Triggers { get; } = new(StringComparer.Ordinal);

    /// <summary>The declared data fields by id.</summary>
    public Dictionary<string, FieldDefinition> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The declared document ids.</summary>
    public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>The triggers some state handles, filled by the state rules.</summary>
    public HashSet<string> UsedTriggers { get; } = new(StringComparer.Ordinal);

    /// <summary>The deadline ids seen so far, filled by the state rules.</summary>
    public HashSet<string> DeadlineIds { get; } = new(StringComparer.Ordinal);

    public void CheckRequirements(Requirements requires)
    {
        foreach (var field in requires.Data)
        {
            CheckField(field);
        }

        foreach (var doc in requires.Documents)
        {
            if (!Documents.Contains(doc.Text))
            {
                Unknown("WF014", "document", doc, Documents);
            }
        }
    }

    public FieldDefinition? CheckField(Token field)
    {
        if (Fields.TryGetValue(field.Text, out var def))
        {
            return def;
        }

        Unknown("WF013", "field", field, Fields.Keys);
        return null;
    }

    public void CheckRole(Token role)
    {
        if (!Context.Roles.Contains(role.Text))
        {
            Unknown("WF015", "role", role, Context.Roles.Roles.Keys);
        }
    }

    public void CheckImplements(IReadOnlyList<Token> ids)
    {
        foreach (var id in ids)
        {
            if (!RequirementIds.IsKnown(id.Text))
            {
                Problems.Error("WF070", $"'{id.Text}' is not a requirement id of DOMAIN.md (R1–R35, N1–N10)", id.Position);
            }
        }
    }

    public void Unknown(string rule, string kind, Token token, IEnumerable<string> known)
    {
        var hint = Loading.Suggest.Closest(token.Text, known);
        Problems.Error(rule, $"unknown {kind} '{token.Text}'{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}", token.Position);
    }
}
