namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>The answer of <c>POST /api/sandbox/clock</c>.</summary>
/// <param name="Mode">Always <c>Virtual</c> (the endpoint exists in no other mode).</param>
/// <param name="Now">The time the clock shows after the move (UTC).</param>
/// <param name="Previous">The time it showed just before (UTC).</param>
/// <param name="Deadlines">What the deadline sweep, run at once after the move, did.</param>
internal sealed record SandboxClockAnswer(string Mode, DateTimeOffset Now, DateTimeOffset Previous, SandboxSweepView Deadlines);
