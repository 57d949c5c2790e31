namespace EcoDamage.Workflow.Runtime.Accounts;

/// <summary>One entry of the security event log: who did what, when, to whom, from where.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened (<c>signIn.failed</c>, <c>account.created</c>, …; see <see cref="SecurityEventKinds"/>).</param>
/// <param name="Actor">Who did it (a user name, an API-key system, or <c>system</c>).</param>
/// <param name="Target">Whom or what it concerned (a user name, a key name), or null.</param>
/// <param name="Detail">A short description without any secret, or null.</param>
/// <param name="RemoteAddress">The client's IP address, or null when there was no request.</param>
public sealed record SecurityEvent(Guid Id, DateTimeOffset At, string Kind, string Actor, string? Target, string? Detail, string? RemoteAddress);
