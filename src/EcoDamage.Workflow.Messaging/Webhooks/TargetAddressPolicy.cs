using System.Net;
using System.Net.Sockets;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Which addresses webhooks may not reach unless <c>Webhooks:AllowPrivateTargets</c> is set: loopback,
/// private (RFC 1918, IPv6 unique local), link-local (cloud metadata endpoints), shared (CGNAT), unspecified,
/// multicast and broadcast, IPv4-mapped IPv6 forms included. Checked when subscribing and again on every
/// connection, so that DNS answers changed in between (rebinding) are caught.
/// </summary>
internal static class TargetAddressPolicy
{
    public static bool IsForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 0 || b[0] == 127
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || b[0] >= 224;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC; // fc00::/7 unique local
        }

        return true;
    }
}
