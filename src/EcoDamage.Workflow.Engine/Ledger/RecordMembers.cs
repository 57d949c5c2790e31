using System.Globalization;

namespace EcoDamage.Workflow.Engine.Ledger;

/// <summary>Reads the scalar members of one record-list item (string, long, decimal, bool or null), collecting every reason it is not accepted.</summary>
/// <param name="item">The item.</param>
/// <param name="label">How reasons name the item (<c>ledger[2]</c>).</param>
/// <param name="known">The members the item may have.</param>
/// <param name="reasons">Where reasons go.</param>
internal sealed class RecordMembers(IReadOnlyDictionary<string, object?> item, string label, IReadOnlyCollection<string> known, List<string> reasons)
{
    /// <summary>Reports each member not in the known set.</summary>
    public void CheckUnknown()
    {
        foreach (var key in item.Keys.Where(k => !known.Contains(k)))
        {
            reasons.Add($"{label}.{key} is not a member ({string.Join(", ", known)})");
        }
    }

    /// <summary>A text member, or null when absent.</summary>
    public string? Text(string name, bool required = false)
    {
        if (!item.TryGetValue(name, out var raw) || raw is null || raw is string { Length: 0 })
        {
            if (required)
            {
                reasons.Add($"{label}.{name} is required");
            }

            return null;
        }

        if (raw is string s)
        {
            return s;
        }

        reasons.Add($"{label}.{name} must be text");
        return null;
    }

    /// <summary>A decimal member, or null when absent or not a number.</summary>
    public decimal? Decimal(string name, bool required = false)
    {
        if (!item.TryGetValue(name, out var raw) || raw is null)
        {
            if (required)
            {
                reasons.Add($"{label}.{name} is required");
            }

            return null;
        }

        decimal? value = raw switch
        {
            decimal d => d,
            long l => l,
            int i => i,
            string s when decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) => p,
            _ => null,
        };
        if (value is null)
        {
            reasons.Add($"{label}.{name} must be a number (yuan)");
        }

        return value;
    }

    /// <summary>A whole-number member, or null when absent or not one.</summary>
    public int? Integer(string name)
    {
        if (!item.TryGetValue(name, out var raw) || raw is null)
        {
            return null;
        }

        int? value = raw switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            decimal d when decimal.Truncate(d) == d && d is >= int.MinValue and <= int.MaxValue => (int)d,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
            _ => null,
        };
        if (value is null)
        {
            reasons.Add($"{label}.{name} must be a whole number");
        }

        return value;
    }

    /// <summary>A boolean member (false when absent).</summary>
    public bool Boolean(string name)
    {
        if (!item.TryGetValue(name, out var raw) || raw is null)
        {
            return false;
        }

        if (raw is bool b)
        {
            return b;
        }

        if (raw is string s && bool.TryParse(s, out var parsed))
        {
            return parsed;
        }

        reasons.Add($"{label}.{name} must be true or false");
        return false;
    }
}
