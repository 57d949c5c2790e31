using System.Text.Json;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Turns posted JSON values into the values the engine coerces to each field's type.</summary>
internal static class DataJson
{
    /// <summary>
    /// Strings, numbers (integral → <see cref="long"/>, otherwise <see cref="decimal"/>), booleans and null;
    /// the engine checks each against its field. Objects and arrays are named in <paramref name="invalid"/>.
    /// </summary>
    public static Dictionary<string, object?> ToData(IReadOnlyDictionary<string, JsonElement>? data, out string? invalid)
    {
        invalid = null;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, element) in data ?? new Dictionary<string, JsonElement>())
        {
            object? value = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                JsonValueKind.Number when element.TryGetInt64(out var l) => l,
                JsonValueKind.Number when element.TryGetDecimal(out var d) => d,
                JsonValueKind.Number => element.GetRawText(),
                _ => Invalid,
            };
            if (ReferenceEquals(value, Invalid))
            {
                invalid = key;
                return result;
            }

            result[key] = value;
        }

        return result;
    }

    private static readonly object Invalid = new();
}
