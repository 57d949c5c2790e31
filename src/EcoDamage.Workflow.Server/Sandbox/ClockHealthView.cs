namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>The answer of <c>/health/live</c> and <c>/health/ready</c> in sandbox mode.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy (as the plain-text answer of the system-clock mode).</param>
/// <param name="Clock">The clock's mode and the time it shows.</param>
internal sealed record ClockHealthView(string Status, ClockView Clock);
