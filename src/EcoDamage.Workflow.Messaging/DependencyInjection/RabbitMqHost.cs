using MassTransit;

namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>Points MassTransit at the broker of an <c>amqp://</c> or <c>amqps://</c> URI (user, password and virtual host from the URI).</summary>
internal static class RabbitMqHost
{
    public static void Configure(IRabbitMqBusFactoryConfigurator cfg, Uri uri)
    {
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]) : string.Empty;
        var vhost = uri.AbsolutePath.Trim('/') is { Length: > 0 } v ? Uri.UnescapeDataString(v) : "/";
        cfg.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port), vhost, h =>
        {
            if (user.Length > 0)
            {
                h.Username(user);
                h.Password(password);
            }

            if (uri.Scheme == "amqps")
            {
                h.UseSsl(s => s.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            }
        });
    }
}
