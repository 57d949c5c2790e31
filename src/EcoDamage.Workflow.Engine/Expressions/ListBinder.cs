namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Binding of <c>in [...]</c> and <c>not in [...]</c>.</summary>
internal sealed class ListBinder
{
    private readonly Binder _binder;
    private readonly BindingDiagnostics _diagnostics;

    public ListBinder(Binder binder, BindingDiagnostics diagnostics)
    {
        _binder = binder;
        _diagnostics = diagnostics;
    }

    /// <summary>Binds <c>in [...]</c>: constant items comparable with the operand.</summary>
    public BoundNode BindIn(InSyntax list)
    {
        var operand = _binder.Bind(list.Operand);
        var failed = operand is BoundError;
        var items = new List<BoundNode>(list.Items.Count);
        foreach (var syntax in list.Items)
        {
            var item = OperatorBinder.IsNullLiteral(syntax)
                ? _diagnostics.Error(syntax, ExpressionRuleIds.TypeMismatch, "'null' cannot be a list item (test it with '== null')")
                : _binder.Bind(syntax);
            if (item is not (BoundError or { IsConstant: true }))
            {
                item = _diagnostics.Error(syntax, ExpressionRuleIds.TypeMismatch,
                    $"list items must be constant values (literals or parameters) but {_diagnostics.Snippet(syntax)} is not");
            }

            failed |= item is BoundError;
            items.Add(item);
        }

        if (failed)
        {
            return new BoundError(list.Start, list.Length);
        }

        var domain = TypeRules.Domain(operand.Type, operand.Type)!.Value;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemDomain = TypeRules.Domain(operand.Type, item.Type);
            if (itemDomain is null)
            {
                failed = true;
                _diagnostics.Error(list.Items[i], ExpressionRuleIds.TypeMismatch,
                    $"list item {_diagnostics.Snippet(list.Items[i])} ({item.Type}) cannot be compared with " +
                    $"{_diagnostics.Snippet(list.Operand)} ({operand.Type})");
                continue;
            }

            failed |= !_diagnostics.CheckEnumLiteral(operand, item);
            if (itemDomain == ComparisonDomain.Decimal)
            {
                domain = ComparisonDomain.Decimal;
            }
        }

        if (failed)
        {
            return new BoundError(list.Start, list.Length);
        }

        var values = ListValues.Create(domain, items.Select(ConstantEvaluator.Evaluate));
        return new BoundIn(operand, domain, values, list.Negated, list.Start, list.Length);
    }
}
