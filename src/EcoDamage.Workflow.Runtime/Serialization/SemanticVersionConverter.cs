using System.Text.Json;
using System.Text.Json.Serialization;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Runtime.Serialization;

/// <summary><see cref="SemanticVersion"/> as <c>"1.2.3"</c>.</summary>
internal sealed class SemanticVersionConverter : JsonConverter<SemanticVersion>
{
    public override SemanticVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SemanticVersion.TryParse(reader.GetString(), out var version)
            ? version
            : throw new JsonException($"'{reader.GetString()}' is not a semantic version");

    public override void Write(Utf8JsonWriter writer, SemanticVersion value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
