using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Yaml;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>
/// Reads one YAML mapping against a set of known keys: reports missing required keys (WF002),
/// unknown keys with a suggestion (WF003), values of the wrong shape (WF004) and duplicate keys (WF010).
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, YEntry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly ProblemList _problems;
    private readonly string _what;

    public MappingReader(YNode node, string what, ProblemList problems)
    {
        _problems = problems;
        _what = what;
        Position = node.Position;
        if (node is not YMapping map)
        {
            problems.Error("WF004", $"{what} must be a mapping of keys to values", node.Position);
            IsValid = false;
            return;
        }

        IsValid = true;
        foreach (var entry in map.Entries)
        {
            if (!_entries.TryAdd(entry.Key.Value, entry))
            {
                problems.Error("WF010", $"duplicate key '{entry.Key.Value}' in {what}", entry.Key.Position);
            }
        }
    }

    public bool IsValid { get; }

    public SourcePosition Position { get; }

    public IEnumerable<YEntry> Entries => _entries.Values;

    public YNode? Optional(string key)
    {
        _asked.Add(key);
        return _entries.TryGetValue(key, out var entry) && !(entry.Value is YScalar { IsNull: true }) ? entry.Value : null;
    }

    public YNode? Required(string key)
    {
        var node = Optional(key);
        if (node is null && IsValid)
        {
            _problems.Error("WF002", $"{_what} is missing required key '{key}'", Position);
        }

        return node;
    }

    public Token? OptionalToken(string key) => Optional(key) is { } node ? Text(node, key) : null;

    public Token? RequiredToken(string key) => Required(key) is { } node ? Text(node, key) : null;

    public bool OptionalBool(string key)
    {
        var token = OptionalToken(key);
        if (token is null)
        {
            return false;
        }

        if (token.Value.Text is "true" or "false")
        {
            return token.Value.Text == "true";
        }

        _problems.Error("WF004", $"'{key}' of {_what} must be true or false", token.Value.Position);
        return false;
    }

    /// <summary>A scalar or a sequence of scalars, as tokens.</summary>
    public IReadOnlyList<Token> TokenList(string key)
    {
        var node = Optional(key);
        switch (node)
        {
            case null:
                return [];
            case YScalar scalar:
                return [new Token(scalar.Value, scalar.Position)];
            case YSequence seq:
                var list = new List<Token>(seq.Items.Count);
                foreach (var item in seq.Items)
                {
                    if (Text(item, key) is { } token)
                    {
                        list.Add(token);
                    }
                }

                return list;
            default:
                _problems.Error("WF004", $"'{key}' of {_what} must be a value or a list of values", node.Position);
                return [];
        }
    }

    /// <summary>Required <c>zh</c> and <c>en</c> keys of this mapping.</summary>
    public LocalizedText Names()
    {
        var zh = RequiredToken("zh");
        var en = RequiredToken("en");
        return new LocalizedText(zh?.Text ?? string.Empty, en?.Text ?? string.Empty);
    }

    /// <summary>Reports every key that was never asked for.</summary>
    public void Finish()
    {
        if (!IsValid)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (!_asked.Contains(key))
            {
                var hint = Suggest.Closest(key, _asked);
                _problems.Error(
                    "WF003",
                    $"unknown key '{key}' in {_what}{(hint is null ? string.Empty : $" (did you mean '{hint}'?)")}",
                    entry.Key.Position);
            }
        }
    }

    private Token? Text(YNode node, string key)
    {
        if (node is YScalar scalar)
        {
            return new Token(scalar.Value, scalar.Position);
        }

        _problems.Error("WF004", $"'{key}' of {_what} must be a single value", node.Position);
        return null;
    }
}
