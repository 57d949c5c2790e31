using System.Text.Encodings.Web;
using System.Text.Json;

namespace EcoDamage.Workflow.Runtime.Serialization;

/// <summary>Writer settings for stored JSON: compact, and Chinese text kept as written rather than <c>\uXXXX</c>-escaped.</summary>
internal static class CanonicalJson
{
    // Stored JSON is never embedded in HTML, so the relaxed encoder is safe here and keeps audit rows readable.
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
