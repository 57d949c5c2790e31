using System.Net;
using System.Net.Sockets;
using EcoDamage.Workflow.Messaging.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// The outbound HTTP client: no redirects followed (a 3xx is a failed attempt), a timeout per attempt, and a
/// connect callback that resolves the host itself and refuses forbidden addresses (<see cref="TargetAddressPolicy"/>)
/// unless private targets are allowed.
/// </summary>
internal sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(IOptions<WebhookOptions> webhookOptions)
    {
        ArgumentNullException.ThrowIfNull(webhookOptions);
        var options = webhookOptions.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = options.Timeout,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context, options.AllowPrivateTargets, cancellationToken),
        };
        Client = new HttpClient(handler) { Timeout = options.Timeout };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("EcoDamage.Workflow-Webhooks/1");
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = allowPrivate ? addresses : addresses.Where(a => !TargetAddressPolicy.IsForbidden(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"webhook target '{host}' resolves only to private, loopback or link-local addresses, which are refused");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
