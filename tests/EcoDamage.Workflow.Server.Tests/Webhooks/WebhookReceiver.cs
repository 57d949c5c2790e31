using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver: Kestrel on a loopback port, recording every POST to <c>/hook</c> (headers and body) and
/// answering <see cref="StatusCode"/>. It can be stopped (the port refuses connections) and started again on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;
    private int _status = 200;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>What the receiver answers.</summary>
    public int StatusCode
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }

    /// <summary>Every request received, in arrival order (including the ones answered with an error).</summary>
    public ConcurrentQueue<ReceivedHook> Received { get; } = new();

    /// <summary>The requests answered 2xx.</summary>
    public IReadOnlyList<ReceivedHook> Accepted => Received.Where(r => r.Status is >= 200 and < 300).ToList();

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var receiver = new WebhookReceiver(port == 0 ? Restart.HostProcess.FreePort() : port);
        await receiver.StartAsync();
        return receiver;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = StatusCode;
            Received.Enqueue(new ReceivedHook(
                context.Request.Headers["webhook-id"].ToString(),
                long.TryParse(context.Request.Headers["webhook-timestamp"].ToString(), out var ts) ? ts : -1,
                context.Request.Headers["webhook-signature"].ToString(),
                body,
                status));
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(status == 200 ? "ok" : "unavailable");
        });
        await _app.StartAsync();
    }

    /// <summary>Stops listening: connections to the port are refused until <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>One request the receiver got.</summary>
public sealed record ReceivedHook(string Id, long Timestamp, string Signature, string Body, int Status);
