using System.Text;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Storage.Search;

/// <summary>
/// What the clue search indexes of a case and how: the case's text values (one per line, in field order) and their
/// character bigrams. Chinese has no spaces and its words are often two characters (废水, 偷排), so neither a word
/// tokenizer nor trigrams would find them; every substring of two or more characters contains the bigrams of the
/// search text, so the index narrows the cases down and a substring check on the few candidates confirms them.
/// </summary>
internal static class CaseSearchText
{
    /// <summary>The case's text values, one per line, in ordinal field order.</summary>
    public static string Of(CaseInstance c)
    {
        var text = new StringBuilder();
        foreach (var (_, value) in c.Data.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (value is string { Length: > 0 } s)
            {
                text.Append(text.Length > 0 ? "\n" : string.Empty).Append(s);
            }
        }

        return text.ToString();
    }

    /// <summary>The distinct bigrams of <paramref name="text"/>, space-separated (the indexed column).</summary>
    public static string Grams(string text) => string.Join(' ', Bigrams(text));

    /// <summary>
    /// The distinct bigrams of <paramref name="text"/>: pairs of adjacent characters (code points) of which neither is
    /// white space. Empty for a text without two such neighbours (a single character): the search then scans the text.
    /// </summary>
    public static IReadOnlyList<string> Bigrams(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var grams = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Rune? previous = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                previous = null;
                continue;
            }

            if (previous is { } p)
            {
                var gram = p.ToString() + rune.ToString();
                if (seen.Add(gram))
                {
                    grams.Add(gram);
                }
            }

            previous = rune;
        }

        return grams;
    }

    /// <summary>
    /// An FTS5 query matching rows that hold every one of <paramref name="grams"/> (each a quoted string), or null when
    /// none can be asked: the <c>ascii</c> tokenizer drops ASCII punctuation and spaces, so a bigram of those alone
    /// (<c>%%</c>) is no token and is left out (the substring check still applies it).
    /// </summary>
    public static string? Fts5Match(IEnumerable<string> grams)
    {
        var tokens = grams.Where(g => g.Any(ch => ch > 127 || char.IsAsciiLetterOrDigit(ch)))
            .Select(g => "\"" + g.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")
            .ToArray();
        return tokens.Length == 0 ? null : string.Join(' ', tokens);
    }
}
