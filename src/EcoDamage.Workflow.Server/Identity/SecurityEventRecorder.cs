using EcoDamage.Workflow.Runtime.Accounts;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>Writes <see cref="SecurityEvent"/>s stamped with the host's clock and the request's client address.</summary>
internal sealed class SecurityEventRecorder(ISecurityEventLog log, TimeProvider time, IHttpContextAccessor http)
{
    /// <summary>The longest text kept in a field (user names typed at sign-in are the caller's input).</summary>
    private const int MaxField = 200;

    /// <summary>Records <paramref name="kind"/> done by <paramref name="actor"/> to <paramref name="target"/>.</summary>
    public Task RecordAsync(string kind, string actor, string? target, string? detail, CancellationToken cancellationToken) =>
        log.RecordAsync(
            new SecurityEvent(Guid.NewGuid(), time.GetUtcNow(), kind, Clip(actor)!, Clip(target), Clip(detail), http.HttpContext?.Connection.RemoteIpAddress?.ToString()),
            cancellationToken);

    private static string? Clip(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Control characters (NUL included) are not stored: PostgreSQL refuses NUL, and a log is read by people.
        var clean = new string([.. text.Where(c => !char.IsControl(c) && !char.IsSurrogate(c))]);
        return clean.Length <= MaxField ? clean : clean[..MaxField];
    }
}
