using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>Kestrel on loopback: 200 to every POST, recording commit → arrival latency from the envelope's time.</summary>
internal sealed class WebhookBenchReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, double> _latencies = new();
    private readonly ConcurrentDictionary<long, double> _arrivals = new();
    private int _total;

    private WebhookBenchReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<WebhookBenchReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookBenchReceiver? self = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var arrived = DateTimeOffset.UtcNow;
            self!.Record(context.Request.Headers["webhook-id"].ToString(), body, arrived);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Urls.First();
        self = new WebhookBenchReceiver(app, address.TrimEnd('/') + "/hook");
        return self;
    }

    public void Reset()
    {
        _latencies.Clear();
        _arrivals.Clear();
    }

    public List<double> Latencies() => [.. _latencies.Values];

    public List<double> Ordered() => [.. _arrivals.OrderBy(a => a.Key).Select(a => a.Value)];

    public async Task WaitForAsync(int count)
    {
        var deadline = Stopwatch.GetTimestamp();
        while (_latencies.Count < count)
        {
            if (Stopwatch.GetElapsedTime(deadline) > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"only {_latencies.Count} of {count} deliveries arrived");
            }

            await Task.Delay(5);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Record(string id, string body, DateTimeOffset arrived)
    {
        Interlocked.Increment(ref _total);
        if (!body.Contains("\"specversion\"", StringComparison.Ordinal) || id.Length == 0)
        {
            return;
        }

        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("time", out var time) || !DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return;
        }

        if (json.RootElement.GetProperty("id").GetString() == "x")
        {
            return; // the baseline's body
        }

        if (_latencies.TryAdd(id, (arrived - at).TotalMilliseconds))
        {
            _arrivals.TryAdd(Stopwatch.GetTimestamp(), (arrived - at).TotalMilliseconds);
        }
    }
}
