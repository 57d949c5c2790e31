using System.Text.Json;

namespace EmbeddingSample.Receiving;

/// <summary>One delivery as stored: its id, the envelope's type, subject (the case id) and time, and the whole envelope.</summary>
internal sealed record ReceivedEvent(string WebhookId, string? Type, string? Subject, string? Time, DateTimeOffset ReceivedAt, JsonElement Envelope);
