using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EcoDamage.Workflow.Messaging.Events;

/// <summary>
/// The JSON body of a webhook (version 1, CloudEvents 1.0 structured mode): <c>specversion</c>, <c>id</c> (the
/// event id, also the <c>webhook-id</c> header), <c>type</c> (<c>ecodamage.case.opened.v1</c>), <c>source</c>,
/// <c>time</c>, <c>subject</c> (the case id), <c>datacontenttype</c>, <c>dataversion</c> and <c>data</c> (the
/// event's payload). Schema: <c>docs/schema/webhook-envelope.v1.schema.json</c>.
/// </summary>
public static class WebhookEnvelope
{
    /// <summary>The CloudEvents version the envelope follows.</summary>
    public const string SpecVersion = "1.0";

    /// <summary>Writes the body for an event.</summary>
    /// <param name="e">The event.</param>
    /// <param name="source">The CloudEvents <c>source</c> (a URI reference naming this deployment).</param>
    /// <returns>Compact UTF-8 JSON text.</returns>
    public static string Write(CaseEvent e, string source)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("specversion", SpecVersion);
            w.WriteString("id", e.EventId.ToString("D"));
            w.WriteString("type", e.Type);
            w.WriteString("source", source);
            w.WriteString("time", e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("subject", e.CaseId);
            w.WriteString("datacontenttype", "application/json");
            w.WriteString("dataversion", EventNames.Version.ToString(CultureInfo.InvariantCulture));
            w.WritePropertyName("data");
            w.WriteRawValue(e.Data);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
