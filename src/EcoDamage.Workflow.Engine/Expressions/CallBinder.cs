using System.Collections.Frozen;
using System.Globalization;
using EcoDamage.Workflow.Engine.Definitions;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Binding of the built-in functions.</summary>
internal sealed class CallBinder
{
    /// <summary>The built-in functions and their number of arguments.</summary>
    internal static readonly FrozenDictionary<string, int> Functions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["abs"] = 1, ["date"] = 1, ["days"] = 2, ["has"] = 1, ["len"] = 1, ["max"] = 2, ["min"] = 2, ["today"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Binder _binder;
    private readonly BindingDiagnostics _diagnostics;

    public CallBinder(Binder binder, BindingDiagnostics diagnostics)
    {
        _binder = binder;
        _diagnostics = diagnostics;
    }

    /// <summary>Binds a call of a built-in function: its name, number and types of arguments.</summary>
    public BoundNode BindCall(CallSyntax call)
    {
        var name = call.Name.Text;
        if (!Functions.TryGetValue(name, out var arity))
        {
            BindArguments(call);
            return _diagnostics.Error(call.Name.Start, call.Name.Length, ExpressionRuleIds.UnknownFunction, NameMessages.UnknownFunction(name));
        }

        if (call.Arguments.Count != arity)
        {
            BindArguments(call);
            var expected = arity == 1 ? "1 argument" : string.Create(CultureInfo.InvariantCulture, $"{arity} arguments");
            return _diagnostics.Error(call, ExpressionRuleIds.UnknownFunction,
                string.Create(CultureInfo.InvariantCulture, $"function '{name}' expects {expected} but got {call.Arguments.Count}"));
        }

        switch (name)
        {
            case "has":
                return BindHas(call);
            case "date":
                return BindDate(call);
            case "today":
                _binder.NoteToday();
                return new BoundToday(call.Start, call.Length);
        }

        var arguments = BindArguments(call);
        if (arguments.Any(a => a is BoundError))
        {
            return new BoundError(call.Start, call.Length);
        }

        return name switch
        {
            "days" => BindDays(call, arguments),
            "abs" => BindSingle(call, arguments[0], BuiltinFunction.Abs, TypeRules.IsNumeric, "a number", arguments[0].Type),
            "len" => BindSingle(call, arguments[0], BuiltinFunction.Len, TypeRules.IsText, "Text", DataType.Integer),
            _ => BindMinMax(call, arguments),
        };
    }

    private List<BoundNode> BindArguments(CallSyntax call) => call.Arguments.Select(_binder.Bind).ToList();

    private BoundNode BindHas(CallSyntax call)
    {
        if (call.Arguments[0] is not FieldSyntax field)
        {
            return _diagnostics.Error(call.Arguments[0], ExpressionRuleIds.TypeMismatch,
                "function 'has' expects a field name, for example has(estimatedDamage)");
        }

        var bound = _binder.BindField(field);
        return bound is BoundError ? bound : new BoundHas(field.Name, call.Start, call.Length);
    }

    private BoundNode BindDate(CallSyntax call)
    {
        var argument = call.Arguments[0];
        if (argument is not LiteralSyntax { Value: string value })
        {
            return _diagnostics.Error(argument, ExpressionRuleIds.TypeMismatch,
                "function 'date' expects a text literal, for example date('2026-01-01')");
        }

        var parsed = LocalDatePattern.Iso.Parse(value);
        if (!parsed.Success)
        {
            return _diagnostics.Error(argument, ExpressionRuleIds.InvalidDate,
                $"invalid date '{value}': expected an existing calendar date written yyyy-MM-dd");
        }

        return new BoundConstant(parsed.Value, DataType.Date, call.Start, call.Length);
    }

    private BoundNode BindDays(CallSyntax call, List<BoundNode> arguments)
    {
        var failed = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Type != DataType.Date)
            {
                failed = true;
                _diagnostics.Error(call.Arguments[i], ExpressionRuleIds.TypeMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"argument {i + 1} of 'days' must be Date but {_diagnostics.Snippet(call.Arguments[i])} is {arguments[i].Type}"));
            }
        }

        return failed ? new BoundError(call.Start, call.Length)
            : new BoundCall(BuiltinFunction.Days, arguments, DataType.Integer, call.Start, call.Length);
    }

    private BoundNode BindSingle(
        CallSyntax call, BoundNode argument, BuiltinFunction function, Func<DataType, bool> accepts, string wanted, DataType result)
    {
        if (!accepts(argument.Type))
        {
            return _diagnostics.Error(call.Arguments[0], ExpressionRuleIds.TypeMismatch,
                $"argument of '{call.Name.Text}' must be {wanted} but {_diagnostics.Snippet(call.Arguments[0])} is {argument.Type}");
        }

        return new BoundCall(function, [argument], result, call.Start, call.Length);
    }

    private BoundNode BindMinMax(CallSyntax call, List<BoundNode> arguments)
    {
        var (left, right) = (arguments[0].Type, arguments[1].Type);
        DataType? type = TypeRules.IsNumeric(left) && TypeRules.IsNumeric(right) ? TypeRules.Promote(left, right)
            : left == DataType.Date && right == DataType.Date ? DataType.Date
            : null;
        if (type is null)
        {
            return _diagnostics.Error(call, ExpressionRuleIds.TypeMismatch,
                $"arguments of '{call.Name.Text}' must both be numbers or both be dates, but they are {left} and {right}");
        }

        var function = call.Name.Text == "min" ? BuiltinFunction.Min : BuiltinFunction.Max;
        return new BoundCall(function, arguments, type.Value, call.Start, call.Length);
    }
}
