using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmbeddingSample.Webhooks;
using Microsoft.Extensions.Options;

namespace EmbeddingSample.HostApi;

/// <summary>The workflow host's REST API as this law-enforcement system calls it (API key, idempotency keys, signed inbound hooks).</summary>
internal sealed class WorkflowHostClient(HttpClient http, IOptions<SampleOptions> options, TimeProvider time)
{
    private SampleOptions Options => options.Value;

    /// <summary>Registers a clue through <c>POST /api/clues</c> with the API key.</summary>
    public Task<JsonElement> RegisterClueAsync(object clue, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/clues", JsonContent(clue), Options.ApiKey, idempotencyKey, cancellationToken);

    /// <summary>Posts a clue through the signed inbound hook <c>POST /api/hooks/{system}/clues</c> (the <c>webhook-id</c> is the idempotency key).</summary>
    public Task<JsonElement> PostClueHookAsync(object clue, string webhookId, CancellationToken cancellationToken) =>
        PostSignedAsync($"api/hooks/{Options.InboundSystem}/clues", clue, webhookId, cancellationToken);

    /// <summary>Posts an event on a case through the signed inbound hook.</summary>
    public Task<JsonElement> PostEventHookAsync(string caseId, string trigger, object data, string webhookId, CancellationToken cancellationToken) =>
        PostSignedAsync($"api/hooks/{Options.InboundSystem}/cases/{Uri.EscapeDataString(caseId)}/events/{trigger}", new { data }, webhookId, cancellationToken);

    /// <summary>Fires a trigger with its data, as the role's key (default: this system's key).</summary>
    public Task<JsonElement> FireAsync(string caseId, string trigger, object data, string idempotencyKey, CancellationToken cancellationToken, string? role = null) =>
        SendAsync(HttpMethod.Post, $"api/cases/{Uri.EscapeDataString(caseId)}/triggers/{trigger}", JsonContent(new { data }), KeyFor(role), idempotencyKey, cancellationToken);

    /// <summary>Attaches a document (multipart upload) served on <paramref name="servedOn"/>.</summary>
    public Task<JsonElement> AttachAsync(string caseId, string type, string servedOn, byte[] content, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", $"{type}.pdf");
        form.Add(new StringContent(type), "type");
        form.Add(new StringContent(servedOn), "servedOn");
        return SendAsync(HttpMethod.Post, $"api/cases/{Uri.EscapeDataString(caseId)}/documents", form, Options.ApiKey, idempotencyKey, cancellationToken);
    }

    /// <summary>Reads a case.</summary>
    public Task<JsonElement> GetCaseAsync(string caseId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/cases/{Uri.EscapeDataString(caseId)}", null, Options.ApiKey, null, cancellationToken);

    /// <summary>Creates a webhook subscription; the answer carries its id (and the secret when the host generated it).</summary>
    public Task<JsonElement> SubscribeAsync(Uri target, IReadOnlyList<string> eventTypes, string secret, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/webhooks/subscriptions", JsonContent(new
        {
            url = target.ToString(),
            eventTypes,
            filter = new { department = (string?)null, jurisdiction = (string?)null, definition = (string?)null },
            secret,
        }), Options.ApiKey, null, cancellationToken);

    /// <summary>Deletes a webhook subscription.</summary>
    public Task<JsonElement> UnsubscribeAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"api/webhooks/subscriptions/{Uri.EscapeDataString(id)}", null, Options.ApiKey, null, cancellationToken);

    private string KeyFor(string? role) =>
        role is null ? Options.ApiKey
        : Options.RoleKeys.TryGetValue(role, out var key) ? key
        : throw new InvalidOperationException($"No API key for role '{role}' under Sample:RoleKeys.");

    private async Task<JsonElement> PostSignedAsync(string path, object payload, string webhookId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add(WebhookSignature.IdHeader, webhookId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        // The host's signature covers the method and the path as sent (base address included), not only the body.
        var target = new Uri(http.BaseAddress!, path).PathAndQuery;
        request.Headers.Add(WebhookSignature.SignatureHeader,
            WebhookSignature.SignRequest(WebhookSignature.Key(Options.InboundSecret), webhookId, timestamp, "POST", target, null, body));
        return await ReadAsync(request, cancellationToken);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent? content, string apiKey, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", apiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await ReadAsync(request, cancellationToken);
    }

    private async Task<JsonElement> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HostCallException(request.Method, request.RequestUri, (int)response.StatusCode, text);
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
