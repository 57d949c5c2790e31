using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Routing;

/// <summary>Resolves a derived field through its table and the table's branches (<see cref="LookupTable.Branches"/>).</summary>
internal static class LookupResolver
{
    /// <summary>The value for <paramref name="key"/>, following branches by the facts <paramref name="valueOf"/> gives; null when a fact is missing and the branch has no default.</summary>
    public static string? Resolve(LookupTable table, string key, Func<string, string?> valueOf)
    {
        if (!table.Branches.TryGetValue(key, out var branch))
        {
            return table.Find(key);
        }

        var fact = valueOf(branch.By!.Value.Text);
        return fact is null ? branch.Default : Resolve(branch, fact, valueOf);
    }

    /// <summary>Every field a table's branches are keyed by, nested ones included.</summary>
    public static IEnumerable<Token> Facts(LookupTable table) =>
        table.Branches.Values.SelectMany(b => Facts(b).Prepend(b.By!.Value));

    /// <summary>A case value as a table key: text and enum ids as they are, booleans as <c>true</c>/<c>false</c>.</summary>
    public static string? AsKey(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
