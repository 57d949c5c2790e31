using EcoDamage.Workflow.Runtime.ApiKeys;

namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>One change of a key: who did what, when, from where.</summary>
/// <param name="Action"><c>created</c>, <c>rotated</c> or <c>revoked</c>.</param>
/// <param name="Actor">The administrator.</param>
/// <param name="At">When.</param>
/// <param name="FromIp">The administrator's address, when known.</param>
/// <param name="Detail">What else changed, or null.</param>
internal sealed record ApiKeyEventView(string Action, string Actor, DateTimeOffset At, string? FromIp, string? Detail)
{
    /// <summary>The view of <paramref name="change"/>.</summary>
    public static ApiKeyEventView Of(ApiKeyEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ApiKeyEventView(change.Action, change.Actor, change.At, change.FromIp, change.Detail);
    }
}
