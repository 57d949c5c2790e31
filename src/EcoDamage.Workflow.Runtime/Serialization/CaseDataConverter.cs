using System.Text.Json;
using System.Text.Json.Serialization;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Serialization;

/// <summary><see cref="CaseData"/> as an object of typed values.</summary>
internal sealed class CaseDataConverter : JsonConverter<CaseData>
{
    public override CaseData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CaseData.Empty.With(DataDictionaryConverter.ReadMap(ref reader));

    public override void Write(Utf8JsonWriter writer, CaseData value, JsonSerializerOptions options) =>
        DataDictionaryConverter.WriteMap(writer, value);
}
