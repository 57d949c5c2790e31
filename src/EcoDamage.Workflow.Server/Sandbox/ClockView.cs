namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>The host's clock: its mode and the time it shows.</summary>
/// <param name="Mode"><c>System</c> or <c>Virtual</c>.</param>
/// <param name="Now">The time the host's clock shows (UTC).</param>
internal sealed record ClockView(string Mode, DateTimeOffset Now);
