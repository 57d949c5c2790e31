namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>The body of <c>POST /api/sandbox/clock</c>: exactly one of the two.</summary>
/// <param name="Set">The new time, ISO-8601 with an offset (<c>2027-03-01T09:00:00+08:00</c>); not earlier than the clock shows.</param>
/// <param name="Advance">How far to move forward, an ISO-8601 period (<c>P31D</c>, <c>PT36H</c>, <c>P1M</c>), counted in Asia/Shanghai local time; not negative.</param>
internal sealed record SandboxClockRequest(string? Set, string? Advance);
