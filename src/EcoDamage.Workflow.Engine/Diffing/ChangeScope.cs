using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>
/// Where the differ is (a path and the subjects leading to it) and the list it writes changes to. Everything is
/// compared by id and by text, never by position in the file: two tokens are equal when their text is.
/// </summary>
internal sealed class ChangeScope
{
    private readonly List<DefinitionChange> _changes;
    private readonly IReadOnlyList<ChangeSubject> _subjects;
    private readonly ChangeElement _element;

    private ChangeScope(List<DefinitionChange> changes, string path, IReadOnlyList<ChangeSubject> subjects, ChangeElement element)
    {
        _changes = changes;
        Path = path;
        _subjects = subjects;
        _element = element;
    }

    public string Path { get; }

    public static ChangeScope Root(List<DefinitionChange> changes) => new(changes, string.Empty, [], ChangeElement.Definition);

    /// <summary>A pointer segment: <c>~</c> and <c>/</c> escaped as in RFC 6901.</summary>
    public static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Goes into an element the sentences name.</summary>
    public ChangeScope Into(string segment, ChangeSubject subject, ChangeElement element) =>
        new(_changes, Join(segment), [.. _subjects, subject], element);

    /// <summary>Goes down the path only (<c>requires</c>, <c>overdue</c>), with the same subjects.</summary>
    public ChangeScope Under(string segment, ChangeElement? element = null) =>
        new(_changes, Join(segment), _subjects, element ?? _element);

    /// <summary>A property of the current element: set, unset or changed.</summary>
    public void Property(string segment, ChangeNoun aspect, string? before, string? after, ChangeElement? element = null)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return;
        }

        _changes.Add(new DefinitionChange(KindOf(before, after), element ?? _element, Join(segment), before, after)
        {
            Subjects = _subjects,
            Aspect = aspect,
        });
    }

    /// <summary>The value of the current element itself (a parameter's value): <c>参数 x 由 a 改为 b</c>.</summary>
    public void Value(string segment, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            _changes.Add(new DefinitionChange(KindOf(before, after), _element, Join(segment), before, after) { Subjects = _subjects });
        }
    }

    /// <summary>The label of the current element, Chinese and English.</summary>
    public void Names(LocalizedText? before, LocalizedText? after)
    {
        Property("zh", Nouns.ZhName, before?.Zh, after?.Zh);
        Property("en", Nouns.EnName, before?.En, after?.En);
    }

    /// <summary>The requirement ids the current element implements.</summary>
    public void Implements(IReadOnlyList<Token> before, IReadOnlyList<Token> after) =>
        Members("implements", Nouns.Implements, ChangeElement.Implements, Texts(before), Texts(after));

    /// <summary>A set of ids (roles, inputs, reminders): order and repetition do not matter; one change per member added or removed.</summary>
    public void Members(string segment, ChangeNoun noun, ChangeElement element, IEnumerable<string> before, IEnumerable<string> after)
    {
        var old = before.Distinct(StringComparer.Ordinal).ToList();
        var now = after.Distinct(StringComparer.Ordinal).ToList();
        var scope = Under(segment);
        foreach (var member in old.Except(now, StringComparer.Ordinal))
        {
            scope.Entity(ChangeKind.Removed, Escape(member), new ChangeSubject(noun, member, null), element, member);
        }

        foreach (var member in now.Except(old, StringComparer.Ordinal))
        {
            scope.Entity(ChangeKind.Added, Escape(member), new ChangeSubject(noun, member, null), element, member);
        }
    }

    /// <summary>
    /// Elements with ids (states, deadlines, parameters): removed ones in the older version's order, then added ones in
    /// the newer version's, then each kept one compared by <paramref name="compare"/> in the newer version's order.
    /// </summary>
    public void Keyed<T>(
        string segment,
        IEnumerable<T> before,
        IEnumerable<T> after,
        Func<T, string> key,
        Func<T, ChangeSubject> subject,
        ChangeElement element,
        Func<T, string?> summary,
        Action<ChangeScope, T, T> compare)
    {
        var old = ByKey(before, key);
        var now = ByKey(after, key);
        var scope = Under(segment);
        foreach (var (id, item) in old.Where(o => !now.ContainsKey(o.Key)))
        {
            scope.Entity(ChangeKind.Removed, Escape(id), subject(item), element, summary(item));
        }

        foreach (var (id, item) in now.Where(n => !old.ContainsKey(n.Key)))
        {
            scope.Entity(ChangeKind.Added, Escape(id), subject(item), element, summary(item));
        }

        foreach (var (id, item) in now.Where(n => old.ContainsKey(n.Key)))
        {
            compare(scope.Into(Escape(id), subject(item), element), old[id], item);
        }
    }

    /// <summary>A whole element added to or removed from the current one.</summary>
    public void Entity(ChangeKind kind, string segment, ChangeSubject subject, ChangeElement element, string? summary) =>
        _changes.Add(new DefinitionChange(
            kind, element, Join(segment), kind == ChangeKind.Removed ? summary : null, kind == ChangeKind.Added ? summary : null)
        {
            Subjects = [.. _subjects, subject],
        });

    public static IEnumerable<string> Texts(IEnumerable<Token> tokens) => tokens.Select(t => t.Text);

    private static ChangeKind KindOf(string? before, string? after) =>
        before is null ? ChangeKind.Added : after is null ? ChangeKind.Removed : ChangeKind.Changed;

    // Insertion-ordered: a Dictionary enumerates in insertion order while nothing is removed from it.
    private static Dictionary<string, T> ByKey<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(key(item), item);
        }

        return map;
    }

    private string Join(string segment) =>
        segment.Length == 0 ? Path : Path.Length == 0 ? segment : Path + "/" + segment;
}
