using System.Text;

namespace EcoDamage.Workflow.Engine.Tests.Fuzz;

/// <summary>Seeded mutations of a YAML text: lines dropped, repeated, re-indented or cut, and hostile fragments inserted.</summary>
internal sealed class YamlMutator(int seed)
{
    private static readonly string[] Fragments =
    [
        "\0", "\ud800", "\udc00", "\uffff", "\t", ":", ": :", "- ", "- - -", "&a ", "*a", "*undefined", "<<: *a", "!!binary ", "!custom ",
        "? ", "|", ">-", "'", "\"", "\"\\ud800\"", "\"\\0\"", "{", "}", "[", "]", "[[[[[[[[[[[[[[[[[[[[", "{a: {b: {c: {d: ", "#", "%YAML 1.1\n",
        "---\n", "...\n", "9999-12-31", "0001-01-01", "2025-02-30", "1e309", "-1e309", "18446744073709551616", "-9223372036854775809",
        "0x", ".nan", ".inf", "~", "null", "true", "P9999Y", "30 workdays", "-5 days", "99999999999 days", "today() + 1e309",
        "state in [", "a && || b", "\u202e", "生态", "\r", "\r\n", new string('x', 5000),
    ];

    private readonly Random _random = new(seed);

    /// <summary>One to four mutations of <paramref name="text"/>.</summary>
    public string Mutate(string text)
    {
        var lines = text.Split('\n').ToList();
        var count = _random.Next(1, 5);
        for (var i = 0; i < count && lines.Count > 0; i++)
        {
            var at = _random.Next(lines.Count);
            switch (_random.Next(9))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[at]);
                    break;
                case 2:
                    lines[at] = new string(' ', _random.Next(0, 9)) + lines[at].TrimStart();
                    break;
                case 3:
                    lines.RemoveRange(at, lines.Count - at);
                    break;
                case 4:
                    lines[at] = Insert(lines[at], Fragment());
                    break;
                case 5:
                    lines[at] = ReplaceValue(lines[at], Fragment());
                    break;
                case 6:
                    (lines[at], lines[_random.Next(lines.Count)]) = (lines[_random.Next(lines.Count)], lines[at]);
                    break;
                case 7:
                    lines.Insert(at, new string(' ', _random.Next(0, 9)) + Fragment());
                    break;
                default:
                    lines[at] = lines[at].Length == 0 ? lines[at] : lines[at][.._random.Next(lines[at].Length)];
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private string Fragment() => Fragments[_random.Next(Fragments.Length)];

    private string Insert(string line, string fragment) => line.Insert(_random.Next(line.Length + 1), fragment);

    private static string ReplaceValue(string line, string fragment)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line + fragment : new StringBuilder(line[..(colon + 2)]).Append(fragment).ToString();
    }
}
