using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using EmbeddingSample.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EcoDamage.Workflow.Samples.Tests.HostApi;

/// <summary>
/// The sample's start-up subscription against a stand-in for the host's subscriptions endpoint (the outbound contract:
/// <c>POST /api/webhooks/subscriptions</c> answering the id and, once, the secret): what it sends, that it verifies
/// deliveries with the secret it was given, and that it deletes the subscription when it stops.
/// </summary>
public sealed class SubscriptionRegistrarTests : IAsyncLifetime, IDisposable
{
    private const string GeneratedSecret = "whsec_1JGKRnHMb4N7w0b0Wz3D1bJw0m1hLxWn6kAuQkO8Ams=";
    private readonly ConcurrentQueue<(string Method, string Path, string Key, string Body)> _calls = new();
    private readonly TempFolder _folder = new();
    private WebApplication? _stub;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _stub = builder.Build();
        _stub.MapPost("/api/webhooks/subscriptions", async (HttpRequest request) =>
        {
            _calls.Enqueue(("POST", request.Path, request.Headers["X-Api-Key"].ToString(), await new StreamReader(request.Body).ReadToEndAsync()));
            return Results.Json(new { id = "sub-1", secret = GeneratedSecret }, statusCode: StatusCodes.Status201Created);
        });
        _stub.MapDelete("/api/webhooks/subscriptions/{id}", (HttpRequest request, string id) =>
        {
            _calls.Enqueue(("DELETE", request.Path, request.Headers["X-Api-Key"].ToString(), string.Empty));
            return Results.NoContent();
        });
        await _stub.StartAsync();
    }

    [Fact]
    public async Task Start_SubscribesPerContract_VerifiesWithReturnedSecret_UnsubscribesOnStop()
    {
        var clock = TestClock.Create();
        var sample = await SampleServer.StartAsync(clock, new Dictionary<string, string>
        {
            ["Sample:Subscribe"] = "true",
            ["Sample:HostUrl"] = _stub!.Urls.Single(),
            ["Sample:PublicUrl"] = "http://127.0.0.1:5999/",
            ["Sample:ReceivedFile"] = Path.Combine(_folder.Path, "received.jsonl"),
        });
        try
        {
            for (var i = 0; i < 100 && _calls.IsEmpty; i++)
            {
                await Task.Delay(50);
            }

            var (method, path, key, body) = Assert.Single(_calls);
            Assert.Equal(("POST", "/api/webhooks/subscriptions", "dev-law-enforcement-key"), (method, path, key));
            var sent = JsonDocument.Parse(body).RootElement;
            Assert.Equal("http://127.0.0.1:5999/hooks", sent.GetProperty("url").GetString());
            Assert.Equal(["*"], sent.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()!).ToArray());
            Assert.Equal(JsonValueKind.Null, sent.GetProperty("filter").GetProperty("jurisdiction").ValueKind);
            Assert.StartsWith("whsec_", sent.GetProperty("secret").GetString(), StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = sample.Address };
            // The stub records the call before its answer (the secret) reaches the sample: until the sample has read
            // it, a delivery signed with the returned secret is refused; afterwards it must be accepted.
            var accepted = HttpStatusCode.Unauthorized;
            for (var i = 0; i < 100 && accepted != HttpStatusCode.NoContent; i++)
            {
                await Task.Delay(i == 0 ? 0 : 50);
                using var response = await http.SendAsync(Delivery(clock, GeneratedSecret, $"msg_a{i}"));
                accepted = response.StatusCode;
            }

            using var refused = await http.SendAsync(Delivery(clock, WebhookSignature.NewSecret(), "msg_b"));
            Assert.Equal(HttpStatusCode.NoContent, accepted);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            await sample.DisposeAsync();
        }

        Assert.Contains(_calls, c => c is ("DELETE", "/api/webhooks/subscriptions/sub-1", "dev-law-enforcement-key", _));
    }

    public async Task DisposeAsync()
    {
        if (_stub is not null)
        {
            await _stub.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();

    private static HttpRequestMessage Delivery(TimeProvider clock, string secret, string id)
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"case.opened\",\"subject\":\"case-9\"}");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new ByteArrayContent(body) };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(WebhookSignature.Key(secret), id, timestamp, body));
        return request;
    }
}
