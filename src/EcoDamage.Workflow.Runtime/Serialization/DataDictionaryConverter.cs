using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDamage.Workflow.Runtime.Serialization;

/// <summary>Field → value maps (history changes), written in ordinal key order with typed values.</summary>
internal sealed class DataDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, object?>>
{
    public override IReadOnlyDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadMap(ref reader);

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> value, JsonSerializerOptions options) =>
        WriteMap(writer, value);

    internal static ImmutableDictionary<string, object?> ReadMap(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object of data values");
        }

        var builder = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            builder[key] = DataValueJson.Read(ref reader);
        }

        return builder.ToImmutable();
    }

    internal static void WriteMap(Utf8JsonWriter writer, IReadOnlyCollection<KeyValuePair<string, object?>> values)
    {
        // Sorted in a rented array: a snapshot writes several maps (the data, each history entry's changes).
        var count = values.Count;
        var sorted = ArrayPool<KeyValuePair<string, object?>>.Shared.Rent(count);
        try
        {
            var n = 0;
            foreach (var pair in values)
            {
                sorted[n++] = pair;
            }

            Array.Sort(sorted, 0, n, ByKey.Instance);
            writer.WriteStartObject();
            for (var i = 0; i < n; i++)
            {
                writer.WritePropertyName(sorted[i].Key);
                DataValueJson.Write(writer, sorted[i].Value);
            }

            writer.WriteEndObject();
        }
        finally
        {
            ArrayPool<KeyValuePair<string, object?>>.Shared.Return(sorted, clearArray: true);
        }
    }

    private sealed class ByKey : IComparer<KeyValuePair<string, object?>>
    {
        public static ByKey Instance { get; } = new();

        public int Compare(KeyValuePair<string, object?> x, KeyValuePair<string, object?> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
