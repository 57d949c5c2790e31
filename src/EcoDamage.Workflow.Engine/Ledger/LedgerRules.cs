using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>Validates a definition's ledger declarations against the catalog's heads (LED002–LED007).</summary>
internal static class LedgerRules
{
    /// <summary>Adds a problem for every bad ledger declaration of <paramref name="definition"/>.</summary>
    public static void Validate(WorkflowDefinition definition, LedgerHeads heads, ProblemList problems)
    {
        var fields = definition.Fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var trigger in definition.Triggers)
        {
            if (trigger.Ledger is { } ledger)
            {
                CheckTrigger(trigger, ledger, fields, heads, problems);
            }
        }

        var derived = definition.Fields.Where(f => f.LedgerDerived is not null).ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var field in derived.Values)
        {
            CheckDerived(field, field.LedgerDerived!, heads, problems);
        }

        if (derived.Count == 0)
        {
            return;
        }

        var supplied = definition.Triggers.SelectMany(t => t.Inputs)
            .Concat(definition.Start?.Inputs ?? [])
            .Concat(AllTransitions(definition.States).SelectMany(t => t.Set.Select(a => a.Field)));
        foreach (var token in supplied.Where(t => derived.ContainsKey(t.Text)))
        {
            problems.Error(LedgerRuleIds.DerivedSupplied, $"'{token.Text}' is derived from the ledger; no trigger, start or assignment may set it", token.Position);
        }
    }

    private static void CheckTrigger(TriggerDefinition trigger, TriggerLedger ledger, Dictionary<string, FieldDefinition> fields, LedgerHeads heads, ProblemList problems)
    {
        foreach (var kind in ledger.Kinds.Where(k => !LedgerKinds.TryParse(k.Text, out _)))
        {
            problems.Error(
                LedgerRuleIds.UnknownKind,
                $"'{kind.Text}' in 'ledger' of trigger '{trigger.Id}' is not a ledger kind ({string.Join(", ", LedgerKinds.Names)})",
                kind.Position);
        }

        foreach (var kind in ledger.PartyKinds.Where(k => !Parties.PartyKinds.TryParse(k.Text, out _)))
        {
            problems.Error(LedgerRuleIds.UnknownPartyKind, $"'{kind.Text}' in 'parties' of trigger '{trigger.Id}' is not a party kind (obligor, rightsHolder)", kind.Position);
        }

        if (ledger.CollectedBy is { } by && (!fields.TryGetValue(by.Text, out var field) || field.Type != DataType.Text))
        {
            problems.Error(LedgerRuleIds.CollectedBy, $"'collectedBy' of trigger '{trigger.Id}' must name a text field of the definition ('{by.Text}' is not one)", by.Position);
        }

        if (ledger.Total is { } total && (!fields.TryGetValue(total.Text, out var totalField) || totalField.Type != DataType.Money))
        {
            problems.Error(LedgerRuleIds.Total, $"'ledgerTotal' of trigger '{trigger.Id}' must name a money field of the definition ('{total.Text}' is not one)", total.Position);
        }

        if ((ledger.Required || ledger.Total is not null) && ledger.Kinds.Count == 0)
        {
            problems.Error(LedgerRuleIds.Total, $"trigger '{trigger.Id}' has 'ledgerRequired' or 'ledgerTotal' but records no ledger kinds ('ledger:')", trigger.Position);
        }

        if (ledger.Kinds.Count > 0 && heads.All.Count == 0)
        {
            problems.Error(LedgerRuleIds.NoHeads, $"trigger '{trigger.Id}' records ledger entries but the catalog has no heads (workflows/ledger.yaml)", ledger.Kinds[0].Position);
        }
    }

    private static void CheckDerived(FieldDefinition field, LedgerDerivation derived, LedgerHeads heads, ProblemList problems)
    {
        var expected = derived.Measure == LedgerMeasure.Settled ? DataType.Boolean : DataType.Money;
        if (field.Type != expected)
        {
            problems.Error(
                LedgerRuleIds.Derived,
                $"field '{field.Id}' derived from the ledger's {derived.Measure.ToString().ToLowerInvariant()} must be of type {expected.ToString().ToLowerInvariant()}",
                derived.Position);
        }

        if (field.Lookup is not null)
        {
            problems.Error(LedgerRuleIds.Derived, $"field '{field.Id}' cannot be derived from both a lookup and the ledger", derived.Position);
        }

        if (derived.Head is { } head && heads.All.Count > 0 && !heads.Contains(head.Text))
        {
            problems.Error(LedgerRuleIds.Derived, $"'{head.Text}' of field '{field.Id}' is not a head of workflows/ledger.yaml", head.Position);
        }
    }

    private static IEnumerable<TransitionDefinition> AllTransitions(IEnumerable<StateDefinition> states) =>
        states.SelectMany(s => s.Transitions.Concat(AllTransitions(s.Substates)));
}
