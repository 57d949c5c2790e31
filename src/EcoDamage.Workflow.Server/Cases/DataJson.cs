using System.Text.Json;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Turns posted JSON values into the values the engine coerces to each field's type.</summary>
internal static class DataJson
{
    /// <summary>
    /// Strings, numbers (integral → <see cref="long"/>, otherwise <see cref="decimal"/>), booleans and null;
    /// the engine checks each against its field. An array of objects with such members is a <see cref="RecordList"/>
    /// (a trigger's ledger entries, instalments, phases…). Anything else (an object, an array of scalars, a nested
    /// array or object) is named in <paramref name="invalid"/>, e.g. <c>ledger[1].amount</c>.
    /// </summary>
    public static Dictionary<string, object?> ToData(IReadOnlyDictionary<string, JsonElement>? data, out string? invalid)
    {
        invalid = null;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, element) in data ?? new Dictionary<string, JsonElement>())
        {
            if (Hosting.InboundText.Problem(key) is not null)
            {
                invalid = "data";
                return result;
            }

            object? value = element.ValueKind == JsonValueKind.Array ? Records(key, element, out invalid) : Scalar(element);
            if (ReferenceEquals(value, Invalid))
            {
                invalid ??= key;
                return result;
            }

            result[key] = value;
        }

        return result;
    }

    private static object? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Text(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number when element.TryGetDecimal(out var d) => d,
        JsonValueKind.Number => element.GetRawText(),
        _ => Invalid,
    };

    /// <summary>
    /// The string, or <see cref="Invalid"/> when it holds NUL or a lone surrogate: PostgreSQL refuses NUL in text and
    /// <see cref="JsonElement.GetString"/> throws on an escaped lone surrogate (<c>"\ud800"</c>); both were 500s.
    /// </summary>
    private static object? Text(JsonElement element)
    {
        string text;
        try
        {
            text = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Invalid;
        }

        return Hosting.InboundText.Problem(text) is null ? text : Invalid;
    }

    private static object Records(string key, JsonElement array, out string? invalid)
    {
        invalid = null;
        var items = new List<IReadOnlyDictionary<string, object?>>(array.GetArrayLength());
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                invalid = $"{key}[{index}]";
                return Invalid;
            }

            var members = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                var value = Hosting.InboundText.Problem(member.Name) is null ? Scalar(member.Value) : Invalid;
                if (ReferenceEquals(value, Invalid))
                {
                    invalid = $"{key}[{index}].{member.Name}";
                    return Invalid;
                }

                members[member.Name] = value;
            }

            items.Add(members);
            index++;
        }

        return RecordList.From(items);
    }

    private static readonly object Invalid = new();
}
