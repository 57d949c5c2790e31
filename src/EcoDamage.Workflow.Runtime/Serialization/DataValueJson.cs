using System.Globalization;
using System.Text.Json;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Runtime.Serialization;

/// <summary>
/// Writes and reads a case data value as a one-member object naming its type (<c>{"decimal":"1.50"}</c>),
/// so that integers, money and dates survive a round trip with their CLR type and exact digits.
/// </summary>
internal static class DataValueJson
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        switch (value)
        {
            case bool b:
                writer.WriteBoolean("bool", b);
                break;
            case long l:
                writer.WriteNumber("int", l);
                break;
            case int i:
                writer.WriteNumber("int", i);
                break;
            case decimal d:
                writer.WriteString("decimal", d.ToString(CultureInfo.InvariantCulture));
                break;
            case string s:
                writer.WriteString("text", s);
                break;
            case LocalDate date:
                writer.WriteString("date", LocalDatePattern.Iso.Format(date));
                break;
            case RecordList records:
                writer.WriteStartArray("records");
                foreach (var item in records)
                {
                    DataDictionaryConverter.WriteMap(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"case data value of type {value.GetType()} cannot be stored");
        }

        writer.WriteEndObject();
    }

    public static object? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a case data value is an object naming its type");
        }

        reader.Read();
        var tag = reader.GetString();
        reader.Read();
        object value = tag switch
        {
            "bool" => reader.GetBoolean(),
            "int" => reader.GetInt64(),
            "decimal" => decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
            "text" => reader.GetString()!,
            "date" => LocalDatePattern.Iso.Parse(reader.GetString()!).Value,
            "records" => ReadRecords(ref reader),
            _ => throw new JsonException($"unknown case data value type '{tag}'"),
        };
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("a case data value has exactly one member");
        }

        return value;
    }

    private static RecordList ReadRecords(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("records are an array of objects");
        }

        var items = new List<IReadOnlyDictionary<string, object?>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(DataDictionaryConverter.ReadMap(ref reader));
        }

        return RecordList.From(items);
    }
}
