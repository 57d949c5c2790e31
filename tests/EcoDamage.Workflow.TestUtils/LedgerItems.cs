using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.TestUtils;

/// <summary>Record lists for the ledger and parties constructs, as trigger data.</summary>
public static class LedgerItems
{
    /// <summary>One ledger entry: kind, head, amount and any further members (party, basis, document, treasury, project, …).</summary>
    public static IReadOnlyDictionary<string, object?> Item(string kind, string head, decimal amount, params (string Member, object? Value)[] more)
    {
        var item = new Dictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = kind, ["head"] = head, ["amount"] = amount };
        foreach (var (member, value) in more)
        {
            item[member] = value;
        }

        return item;
    }

    /// <summary>The trigger data member <c>ledger</c> with <paramref name="items"/>.</summary>
    public static (string Field, object? Value) LedgerData(params IReadOnlyDictionary<string, object?>[] items) => ("ledger", RecordList.From(items));

    /// <summary>The trigger data member <c>ledger</c> with entries of one kind.</summary>
    public static (string Field, object? Value) LedgerData(string kind, params (string Head, decimal Amount)[] items) =>
        LedgerData(items.Select(i => Item(kind, i.Head, i.Amount)).ToArray());

    /// <summary>One party: id, kind, name and any further members (share, joint, jurisdiction, lead, outcome).</summary>
    public static IReadOnlyDictionary<string, object?> Party(string id, string kind, string name, params (string Member, object? Value)[] more)
    {
        var item = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = id, ["kind"] = kind, ["name"] = name };
        foreach (var (member, value) in more)
        {
            item[member] = value;
        }

        return item;
    }

    /// <summary>The trigger data member <c>parties</c> with <paramref name="items"/>.</summary>
    public static (string Field, object? Value) PartyData(params IReadOnlyDictionary<string, object?>[] items) => ("parties", RecordList.From(items));
}
