namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>Which clock the host reads (setting <c>Clock:Mode</c>).</summary>
internal enum ClockMode
{
    /// <summary>The system clock: the only mode for real cases.</summary>
    System,

    /// <summary>
    /// Sandbox mode: one shared <see cref="VirtualClock"/> that runs with real time from <c>Clock:Start</c> and that an
    /// administrator moves forward through <c>POST /api/sandbox/clock</c>. Refused in the <c>Production</c> environment.
    /// </summary>
    Virtual,
}
