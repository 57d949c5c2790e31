namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Finds the known name closest to a misspelt one (case-insensitive edit distance, transpositions count once).</summary>
internal static class NameSuggester
{
    /// <summary>Returns <c> (did you mean 'x'?)</c> with the prefix, or an empty string when no name is close.</summary>
    public static string Hint(string name, IEnumerable<string> candidates, string prefix = "")
    {
        var best = Suggest(name, candidates);
        return best is null ? string.Empty : $" (did you mean '{prefix}{best}'?)";
    }

    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        var limit = name.Length switch { <= 2 => 0, <= 5 => 1, <= 9 => 2, _ => 3 };
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(name, candidate);
            if (distance <= limit && distance < bestDistance && !string.Equals(name, candidate, StringComparison.Ordinal))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance, ignoring case (a case-only difference costs 0).</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2])
                    && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
