namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The messages for unknown names, shared by the binder and the name scan after a syntax error.</summary>
internal static class NameMessages
{
    public static string UnknownField(string name, IExpressionScope scope) =>
        $"unknown field '{name}'{NameSuggester.Hint(name, scope.FieldNames)}";

    public static string UnknownParameter(string name, IExpressionScope scope) =>
        $"unknown parameter 'param.{name}'{NameSuggester.Hint(name, scope.ParameterNames, "param.")}";

    public static string UnknownFunction(string name)
    {
        var hint = NameSuggester.Hint(name, CallBinder.Functions.Keys);
        return hint.Length > 0
            ? $"unknown function '{name}'{hint}"
            : $"unknown function '{name}' (functions: {string.Join(", ", CallBinder.Functions.Keys.Order(StringComparer.Ordinal))})";
    }
}
