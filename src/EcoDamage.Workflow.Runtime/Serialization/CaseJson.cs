using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace EcoDamage.Workflow.Runtime.Serialization;

/// <summary>
/// The JSON form of a <see cref="CaseInstance"/> as stored in the case snapshot column: camelCase,
/// enums as names, NodaTime values in ISO form, data values tagged with their type. Only constructor
/// parameters are written; derived properties (<c>State</c>, <c>ActiveDeadlines</c>…) are recomputed on load.
/// </summary>
public static class CaseJson
{
    // The same form without the fragment cache. Reading goes straight to these: the cache serves writing only, and its
    // Read would hand each part to a nested deserialization that first skips over the value to find its end.
    private static readonly JsonSerializerOptions PlainOptions = CreateOptions(fragmentCache: null);

    /// <summary>The options used for snapshots, outbox payloads and stored outcomes.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(() => PlainOptions);

    /// <summary>Serializes a case snapshot.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The snapshot's JSON text.</returns>
    public static string Serialize(CaseInstance @case) => JsonSerializer.Serialize(@case, Options);

    /// <summary>
    /// Serializes a case snapshot without keeping its parts' JSON for the next version (the same text as
    /// <see cref="Serialize"/>): for cases written once and dropped, such as a batch of cold cases, where remembering
    /// every part only costs memory and the collector's time.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <returns>The snapshot's JSON text.</returns>
    public static string SerializeOnce(CaseInstance @case) => JsonSerializer.Serialize(@case, PlainOptions);

    /// <summary>Reads a case snapshot written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The snapshot's JSON text.</param>
    /// <returns>The case.</returns>
    /// <exception cref="JsonException">The text is not a case snapshot.</exception>
    public static CaseInstance Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseInstance>(json, PlainOptions) ?? throw new JsonException("a case snapshot is not null");

    /// <summary>Reads a case snapshot written by <see cref="Serialize"/>, from its UTF-8 bytes.</summary>
    /// <param name="utf8Json">The snapshot's JSON text as UTF-8.</param>
    /// <returns>The case.</returns>
    /// <exception cref="JsonException">The text is not a case snapshot.</exception>
    public static CaseInstance Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<CaseInstance>(utf8Json, PlainOptions) ?? throw new JsonException("a case snapshot is not null");

    private static JsonSerializerOptions CreateOptions(Func<JsonSerializerOptions>? fragmentCache)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ConstructorParametersOnly } },
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = CanonicalJson.WriterOptions.Encoder,
        };
        if (fragmentCache is not null)
        {
            // Parts that stay the same instance from one version of a case to the next (docs/benchmarks.md).
            options.Converters.Add(new FragmentCacheConverter<HistoryEntry>(fragmentCache));
            options.Converters.Add(new FragmentCacheConverter<CaseDocument>(fragmentCache));
            options.Converters.Add(new FragmentCacheConverter<DeadlineInstance>(fragmentCache));
            options.Converters.Add(new FragmentCacheConverter<CaseData>(fragmentCache));
        }

        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new CaseDataConverter());
        options.Converters.Add(new DataDictionaryConverter());
        options.Converters.Add(new SemanticVersionConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }

    // Engine records expose derived, get-only properties (State, IsActive, DefinitionKey…): they are
    // not part of the state and would only bloat the snapshot.
    private static void ConstructorParametersOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("EcoDamage.", StringComparison.Ordinal) != true)
        {
            return;
        }

        var ctor = info.Type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (ctor is null || ctor.GetParameters().Length == 0)
        {
            return;
        }

        var names = ctor.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null && property.AttributeProvider is PropertyInfo clr && !names.Contains(clr.Name))
            {
                info.Properties.RemoveAt(i);
            }
            else if (property.Set is not null && property.AttributeProvider is PropertyInfo optional && !names.Contains(optional.Name))
            {
                // An init member added later (a deadline's or history entry's Branch) is left out while null: snapshots
                // of cases that never use it keep their bytes, and reading one without it gives the default again.
                property.ShouldSerialize = static (_, value) => value is not null;
            }
        }
    }
}
