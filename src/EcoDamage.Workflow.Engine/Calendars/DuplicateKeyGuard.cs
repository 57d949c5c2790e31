using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcoDamage.Workflow.Engine.Calendars;

/// <summary>
/// Wraps a YAML parser so that a repeated mapping key does not abort loading: the repeat is renamed
/// to a unique placeholder and remembered, and the readers report it with its position. It also
/// rejects aliases (<c>*name</c>): calendar files do not need them, and YamlDotNet 18 overflows the
/// stack resolving an alias used as a key before its anchor.
/// </summary>
internal sealed class DuplicateKeyGuard(IParser inner) : IParser
{
    private const string Prefix = "\u0000duplicate-key-";

    private readonly Stack<Dictionary<string, Mark>?> scopes = new();
    private readonly Dictionary<string, (string Original, Mark First)> renamed = new(StringComparer.Ordinal);

    public ParsingEvent? Current { get; private set; }

    /// <summary>The start of the last event read, for errors that carry no position.</summary>
    public Mark LastMark { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            Current = null;
            return false;
        }

        var current = inner.Current!;
        LastMark = current.Start;
        switch (current)
        {
            case AnchorAlias alias:
                throw new YamlException(alias.Start, alias.End,
                    $"Aliases (*{alias.Value}) are not supported in calendar files; write the value out.");
            case MappingStart:
                scopes.Push(new Dictionary<string, Mark>(StringComparer.Ordinal));
                break;
            case SequenceStart:
                scopes.Push(null);
                break;
            case MappingEnd or SequenceEnd:
                scopes.TryPop(out _);
                break;
            case Scalar { IsKey: true } key when scopes.TryPeek(out var keys) && keys is not null:
                if (!keys.TryAdd(key.Value, key.Start))
                {
                    var placeholder = Prefix + renamed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    renamed[placeholder] = (key.Value, keys[key.Value]);
                    current = new Scalar(key.Anchor, key.Tag, placeholder, key.Style, key.IsPlainImplicit,
                        key.IsQuotedImplicit, key.Start, key.End, isKey: true);
                }

                break;
        }

        Current = current;
        return true;
    }

    /// <summary>Whether <paramref name="key"/> is the placeholder of a repeated key.</summary>
    public bool TryGetDuplicate(string key, out string original, out Mark first)
    {
        var found = renamed.TryGetValue(key, out var entry);
        (original, first) = found ? entry : (key, Mark.Empty);
        return found;
    }
}
