using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// A case's data by field id: immutable; a change shares everything it does not touch.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "The domain name of a case's data; it is not a general-purpose dictionary.")]
public sealed class CaseData : IReadOnlyDictionary<string, object?>
{
    private readonly ImmutableDictionary<string, object?> _values;

    private CaseData(ImmutableDictionary<string, object?> values) => _values = values;

    /// <summary>No data.</summary>
    public static CaseData Empty { get; } = new(ImmutableDictionary.Create<string, object?>(StringComparer.Ordinal));

    /// <inheritdoc/>
    public int Count => _values.Count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc/>
    public IEnumerable<object?> Values => _values.Values;

    /// <inheritdoc/>
    public object? this[string key] => _values[key];

    /// <summary>A copy with <paramref name="changes"/> applied; a null value removes the field.</summary>
    public CaseData With(IEnumerable<KeyValuePair<string, object?>> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var values = _values;
        foreach (var (key, value) in changes)
        {
            values = value is null ? values.Remove(key) : values.SetItem(key, value);
        }

        return new CaseData(values);
    }

    /// <summary>A copy with one field set; a null value removes it.</summary>
    public CaseData With(string key, object? value) =>
        new(value is null ? _values.Remove(key) : _values.SetItem(key, value));

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _values.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
