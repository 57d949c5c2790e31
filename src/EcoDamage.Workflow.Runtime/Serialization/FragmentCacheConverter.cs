using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDamage.Workflow.Runtime.Serialization;

/// <summary>
/// Writes an immutable part of a case (a history entry, a document, a deadline) once per instance and
/// reuses its JSON bytes afterwards: a snapshot is rewritten on every commit, but most of it (the
/// append-only history above all) consists of the same instances as the previous version's, so only new
/// parts are serialized again. The bytes are what <paramref name="inner"/> (the same options without
/// these converters) writes for the instance, so the snapshot text is the same either way; entries die
/// with their instances. Reading is <paramref name="inner"/>'s.
/// </summary>
/// <typeparam name="T">An immutable record type.</typeparam>
/// <param name="inner">The options that produce and read the JSON.</param>
internal sealed class FragmentCacheConverter<T>(Func<JsonSerializerOptions> inner) : JsonConverter<T>
    where T : class
{
    private readonly ConditionalWeakTable<T, byte[]> _written = [];

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(ref reader, inner());

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!_written.TryGetValue(value, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, inner());
            _written.AddOrUpdate(value, json);
        }

        writer.WriteRawValue(json, skipInputValidation: true);
    }
}
