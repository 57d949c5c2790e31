using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmbeddingSample.Receiving;
using EmbeddingSample.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Samples.Tests.Receiving;

/// <summary>The sample's receiver on a real Kestrel loopback socket, fed deliveries signed as the host signs them.</summary>
public sealed class HookReceiverTests : IDisposable
{
    private const string Secret = "whsec_q4qVldtQgfmCQ/ZdleBMWSW8iJYuC1zBONbK5xpP6kE=";
    private readonly TempFolder _folder = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = TestClock.Create();

    private string File => Path.Combine(_folder.Path, "received.jsonl");

    [Fact]
    public async Task Receive_SignedDelivery_StoredPrintedAndListed()
    {
        await using var sample = await StartAsync();
        using var http = new HttpClient { BaseAddress = sample.Address };

        using var response = await http.SendAsync(Delivery("msg_1", Envelope("case.opened", "case-1")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var listed = await http.GetFromJsonAsync<JsonElement>("/events");
        var stored = Assert.Single(listed.EnumerateArray());
        Assert.Equal("msg_1", stored.GetProperty("webhookId").GetString());
        Assert.Equal("case.opened", stored.GetProperty("type").GetString());
        Assert.Equal("case-1", stored.GetProperty("subject").GetString());
        var line = Assert.Single(System.IO.File.ReadAllLines(File));
        Assert.Equal("msg_1", JsonDocument.Parse(line).RootElement.GetProperty("webhookId").GetString());
    }

    /// <summary>How the delivery is spoiled after signing.</summary>
    public static TheoryData<string> Spoiled => ["signature", "body", "secret", "old", "missing"];

    [Theory]
    [MemberData(nameof(Spoiled))]
    public async Task Receive_UnverifiedDelivery_401AndNothingStored(string spoil)
    {
        await using var sample = await StartAsync();
        using var http = new HttpClient { BaseAddress = sample.Address };
        var body = Envelope("case.opened", "case-1");
        using var request = Delivery("msg_bad", body, secret: spoil == "secret" ? WebhookSignature.NewSecret() : Secret,
            sentAt: spoil == "old" ? _clock.GetUtcNow().AddMinutes(-6) : null);
        switch (spoil)
        {
            case "signature":
                var signature = request.Headers.GetValues(WebhookSignature.SignatureHeader).Single();
                request.Headers.Remove(WebhookSignature.SignatureHeader);
                request.Headers.Add(WebhookSignature.SignatureHeader, "v1," + Convert.ToBase64String(new byte[32]) + " " + signature.Replace("v1,", "v1,A", StringComparison.Ordinal));
                break;
            case "body":
                request.Content = new StringContent(body.Replace("case-1", "case-2", StringComparison.Ordinal), Encoding.UTF8, "application/json");
                break;
            case "missing":
                request.Headers.Remove(WebhookSignature.SignatureHeader);
                break;
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(sample.Services.GetRequiredService<ReceivedEventStore>().All);
        Assert.False(System.IO.File.Exists(File));
    }

    [Fact]
    public async Task Receive_RetriedWebhookId_AcknowledgedAndStoredOnceEvenAcrossRestart()
    {
        await using (var sample = await StartAsync())
        {
            using var http = new HttpClient { BaseAddress = sample.Address };
            using var first = await http.SendAsync(Delivery("msg_2", Envelope("case.stateChanged", "case-2")));
            _clock.Advance(TimeSpan.FromSeconds(30));
            using var retry = await http.SendAsync(Delivery("msg_2", Envelope("case.stateChanged", "case-2")));
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        await using var restarted = await StartAsync();
        using var again = new HttpClient { BaseAddress = restarted.Address };
        using var late = await again.SendAsync(Delivery("msg_2", Envelope("case.stateChanged", "case-2")));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Single(System.IO.File.ReadAllLines(File));
    }

    [Fact]
    public async Task Start_FileWithLineCutShort_KeepsTheWholeLines()
    {
        System.IO.File.WriteAllText(File,
            "{\"webhookId\":\"msg_old\",\"type\":\"case.opened\",\"subject\":\"case-0\",\"time\":null,\"receivedAt\":\"2026-03-01T00:00:00+00:00\",\"envelope\":{}}\n"
            + "{\"webhookId\":\"msg_cut\",\"ty");

        await using var sample = await StartAsync();

        Assert.Equal("msg_old", Assert.Single(sample.Services.GetRequiredService<ReceivedEventStore>().All).WebhookId);
        using var http = new HttpClient { BaseAddress = sample.Address };
        using var response = await http.SendAsync(Delivery("msg_new", Envelope("case.closed", "case-0")));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("msg_new", JsonDocument.Parse(System.IO.File.ReadAllLines(File)[^1]).RootElement.GetProperty("webhookId").GetString());
    }

    [Fact]
    public async Task Receive_UnknownEventType_StoredAsReceived()
    {
        await using var sample = await StartAsync();
        using var http = new HttpClient { BaseAddress = sample.Address };

        using var response = await http.SendAsync(Delivery("msg_3", "{\"specversion\":\"1.0\",\"type\":\"definition.published\",\"data\":{\"id\":\"claim\"}}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = Assert.Single(sample.Services.GetRequiredService<ReceivedEventStore>().All);
        Assert.Equal("definition.published", stored.Type);
        Assert.Null(stored.Subject);
        Assert.Equal("claim", stored.Envelope.GetProperty("data").GetProperty("id").GetString());
    }

    public void Dispose() => _folder.Dispose();

    private Task<SampleServer> StartAsync() => SampleServer.StartAsync(_clock, new Dictionary<string, string>
    {
        ["Sample:WebhookSecret"] = Secret,
        ["Sample:ReceivedFile"] = File,
    });

    private HttpRequestMessage Delivery(string id, string body, string secret = Secret, DateTimeOffset? sentAt = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = (sentAt ?? _clock.GetUtcNow()).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(WebhookSignature.Key(secret), id, timestamp, bytes));
        return request;
    }

    private string Envelope(string type, string caseId) => JsonSerializer.Serialize(new
    {
        specversion = "1.0",
        id = Guid.NewGuid().ToString("N"),
        type,
        source = "/ecodamage/workflow",
        time = _clock.GetUtcNow(),
        subject = caseId,
        datacontenttype = "application/json",
        data = new { caseId, state = "Claim" },
    });
}
