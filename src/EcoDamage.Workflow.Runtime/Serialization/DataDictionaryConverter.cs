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

    internal static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> values)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            DataValueJson.Write(writer, item);
        }

        writer.WriteEndObject();
    }
}
