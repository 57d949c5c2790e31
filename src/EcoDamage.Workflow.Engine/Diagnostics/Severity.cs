namespace EcoDamage.Workflow.Engine.Diagnostics;

/// <summary>How serious a <see cref="Problem"/> is.</summary>
public enum Severity
{
    /// <summary>The definition cannot be published or run.</summary>
    Error,

    /// <summary>Suspicious but runnable (an unused trigger, say).</summary>
    Warning,
}
