namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>Source-generated log messages of the sandbox clock.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(5401, LogLevel.Warning,
        "SANDBOX: the clock is virtual (Clock:Mode=Virtual), now {Now:O}; administrators move it with POST /api/sandbox/clock. Never use this host for real cases.")]
    public static partial void VirtualClock(ILogger logger, DateTimeOffset now);

    [LoggerMessage(5402, LogLevel.Warning, "SANDBOX: the host's TimeProvider was replaced by {Provider}; POST /api/sandbox/clock moves the virtual clock, which it no longer reads.")]
    public static partial void ClockReplaced(ILogger logger, string provider);

    [LoggerMessage(5403, LogLevel.Warning, "SANDBOX: {Actor} moved the virtual clock from {Previous:O} to {Now:O}; the deadline sweep handled {Cases} case(s), {Escalations} escalation(s).")]
    public static partial void ClockMoved(ILogger logger, string actor, DateTimeOffset previous, DateTimeOffset now, int cases, int escalations);
}
