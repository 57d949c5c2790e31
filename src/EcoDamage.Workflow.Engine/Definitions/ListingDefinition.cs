using System.Globalization;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// Which data fields fill a case's listing and filter columns (<c>listing:</c>). Each column is an ordered
/// list of fields: the first that holds a value wins, so <c>department: [referredTo, routedDepartment]</c>
/// reads "the department a referral handed the case to, else the one the domain's routing chose"; a later field
/// holding another department names the referring department (<see cref="CaseListing.ReferringDepartment"/>, R8).
/// </summary>
/// <param name="Channel">Fields of the channel column (where a clue came from).</param>
/// <param name="Domain">Fields of the damage-domain column.</param>
/// <param name="Jurisdiction">Fields of the jurisdiction column.</param>
/// <param name="Department">Fields of the handling-department column, in order of precedence.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record ListingDefinition(
    IReadOnlyList<Token> Channel,
    IReadOnlyList<Token> Domain,
    IReadOnlyList<Token> Jurisdiction,
    IReadOnlyList<Token> Department,
    SourcePosition Position)
{
    /// <summary>The column names a <c>listing:</c> block may declare.</summary>
    public static readonly IReadOnlyList<string> Columns = ["channel", "domain", "jurisdiction", "department"];

    /// <summary>Every field the block names, column by column.</summary>
    public IEnumerable<Token> Fields => Channel.Concat(Domain).Concat(Jurisdiction).Concat(Department);

    /// <summary>The listing columns of a case holding <paramref name="data"/>: the one rule both the listing view and the stored filter columns use.</summary>
    /// <param name="data">The case's data.</param>
    /// <returns>Each column's value, null where none of its fields holds one.</returns>
    public CaseListing Read(IReadOnlyDictionary<string, object?> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var department = First(Department, data);
        return new CaseListing(First(Channel, data), First(Domain, data), First(Jurisdiction, data), department)
        {
            ReferringDepartment = department is null ? null : Other(Department, data, department),
        };
    }

    // The first value of a later field that differs from the first one: who handed the case on (R8).
    private static string? Other(IReadOnlyList<Token> fields, IReadOnlyDictionary<string, object?> data, string first)
    {
        foreach (var field in fields)
        {
            if (data.TryGetValue(field.Text, out var value) && value is not null
                && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text && !string.Equals(text, first, StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }

    private static string? First(IReadOnlyList<Token> fields, IReadOnlyDictionary<string, object?> data)
    {
        foreach (var field in fields)
        {
            if (data.TryGetValue(field.Text, out var value) && value is not null)
            {
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
