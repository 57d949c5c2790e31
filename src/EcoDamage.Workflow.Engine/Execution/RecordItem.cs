using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>One record of a <see cref="RecordList"/>: scalar members by name, as posted (text, integer, decimal, boolean, date or null).</summary>
[SuppressMessage("Naming", "CA1710", Justification = "A record of a trigger's list, not a general-purpose dictionary.")]
public sealed class RecordItem : IReadOnlyDictionary<string, object?>, IEquatable<RecordItem>
{
    private readonly ImmutableSortedDictionary<string, object?> _members;

    private RecordItem(ImmutableSortedDictionary<string, object?> members) => _members = members;

    /// <inheritdoc/>
    public int Count => _members.Count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _members.Keys;

    /// <inheritdoc/>
    public IEnumerable<object?> Values => _members.Values;

    /// <inheritdoc/>
    public object? this[string key] => _members[key];

    /// <summary>A record of <paramref name="members"/>.</summary>
    /// <param name="members">Member values: text, integer, decimal, boolean, date or null.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentException">A value is not a scalar.</exception>
    public static RecordItem From(IReadOnlyDictionary<string, object?> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members is RecordItem item)
        {
            return item;
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in members)
        {
            builder[key] = value switch
            {
                null or string or long or decimal or bool or LocalDate => value,
                int i => (long)i,
                double d => (decimal)d,
                _ => throw new ArgumentException($"member '{key}' of a record is a {value.GetType().Name}, not a scalar", nameof(members)),
            };
        }

        return new RecordItem(builder.ToImmutable());
    }

    /// <summary>The member as text (a string as it is; a number, boolean or date in its invariant form); null when absent or null.</summary>
    /// <param name="name">Member name.</param>
    /// <returns>The text, or null.</returns>
    public string? Text(string name) => _members.GetValueOrDefault(name) switch
    {
        null => null,
        string s => s,
        LocalDate d => LocalDatePattern.Iso.Format(d),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>The member as a decimal number (a number, or text in invariant form); false when absent or not a number.</summary>
    /// <param name="name">Member name.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the member is a number.</returns>
    public bool TryDecimal(string name, out decimal value)
    {
        switch (_members.GetValueOrDefault(name))
        {
            case decimal d:
                value = d;
                return true;
            case long l:
                value = l;
                return true;
            case string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed):
                value = parsed;
                return true;
            default:
                value = 0m;
                return false;
        }
    }

    /// <summary>The member as an integer (an integral number, or text); false when absent or not an integer.</summary>
    /// <param name="name">Member name.</param>
    /// <param name="value">The integer.</param>
    /// <returns>Whether the member is an integer.</returns>
    public bool TryInteger(string name, out long value)
    {
        switch (_members.GetValueOrDefault(name))
        {
            case long l:
                value = l;
                return true;
            case decimal d when decimal.Truncate(d) == d && d is >= long.MinValue and <= long.MaxValue:
                value = (long)d;
                return true;
            case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                value = parsed;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The member as a date (a date, or <c>yyyy-MM-dd</c> text); false when absent or not a date.</summary>
    /// <param name="name">Member name.</param>
    /// <param name="value">The date.</param>
    /// <returns>Whether the member is a date.</returns>
    public bool TryDate(string name, out LocalDate value)
    {
        switch (_members.GetValueOrDefault(name))
        {
            case LocalDate d:
                value = d;
                return true;
            case string s when LocalDatePattern.Iso.Parse(s) is { Success: true } parsed:
                value = parsed.Value;
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>The member as a boolean (a boolean, or <c>true</c>/<c>false</c> text); false when absent or not a boolean.</summary>
    /// <param name="name">Member name.</param>
    /// <param name="value">The boolean.</param>
    /// <returns>Whether the member is a boolean.</returns>
    public bool TryBoolean(string name, out bool value)
    {
        switch (_members.GetValueOrDefault(name))
        {
            case bool b:
                value = b;
                return true;
            case string s when bool.TryParse(s, out var parsed):
                value = parsed;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _members.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _members.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(RecordItem? other) =>
        other is not null && _members.Count == other._members.Count
        && _members.All(m => other._members.TryGetValue(m.Key, out var v) && Equals(m.Value, v));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RecordItem);

    /// <inheritdoc/>
    public override int GetHashCode() => _members.Count;

    /// <inheritdoc/>
    public override string ToString() => $"{{{string.Join(", ", _members.Select(m => $"{m.Key}: {Text(m.Key)}"))}}}";
}
