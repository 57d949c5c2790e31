using System.Collections;
using System.Collections.Immutable;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>
/// A list of records carried by a trigger under one of its declared record keys (a ledger's entries, a plan's
/// instalments, an agreement's phases…): each item a map of scalar members (text, integer, decimal, boolean, or
/// null). Immutable. The construct that declared the key reads and checks the members.
/// </summary>
public sealed class RecordList : IReadOnlyList<RecordItem>, IEquatable<RecordList>
{
    private readonly ImmutableArray<RecordItem> _items;

    private RecordList(ImmutableArray<RecordItem> items) => _items = items;

    /// <summary>No records.</summary>
    public static RecordList Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public RecordItem this[int index] => _items[index];

    /// <summary>A list of <paramref name="items"/>, in order.</summary>
    /// <param name="items">The records.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentException">A member value is not a scalar (text, integer, decimal, boolean, date or null).</exception>
    public static RecordList From(IEnumerable<IReadOnlyDictionary<string, object?>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new RecordList([.. items.Select(RecordItem.From)]);
    }

    /// <inheritdoc/>
    public IEnumerator<RecordItem> GetEnumerator() => ((IEnumerable<RecordItem>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(RecordList? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RecordList);

    /// <inheritdoc/>
    public override int GetHashCode() => _items.Length;

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}
