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

    // Derive asks on every fire whether a fact changed: the facts of a table are listed once (tables are immutable).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LookupTable, string[]> FactNames = [];

    /// <summary>Every field a table's branches are keyed by, nested ones included.</summary>
    public static IEnumerable<Token> Facts(LookupTable table) =>
        table.Branches.Values.SelectMany(b => Facts(b).Prepend(b.By!.Value));

    /// <summary>Whether <paramref name="changes"/> holds a fact a branch of <paramref name="table"/> reads.</summary>
    public static bool FactChanged(LookupTable table, IReadOnlyDictionary<string, object?> changes)
    {
        if (table.Branches.Count == 0)
        {
            return false;
        }

        var names = FactNames.GetValue(table, t => Facts(t).Select(f => f.Text).Distinct(StringComparer.Ordinal).ToArray());
        for (var i = 0; i < names.Length; i++)
        {
            if (changes.ContainsKey(names[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A case value as a table key: text and enum ids as they are, booleans as <c>true</c>/<c>false</c>.</summary>
    public static string? AsKey(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
