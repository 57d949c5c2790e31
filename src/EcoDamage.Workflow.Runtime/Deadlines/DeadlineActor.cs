using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>The actor recorded for what the deadline sweeper does: reminders, escalations and auto-fired triggers.</summary>
public static class DeadlineActor
{
    /// <summary>The sweeper's actor id in the audit trail.</summary>
    public const string Id = "system:deadlines";

    /// <summary>The sweeper acting in the <c>system</c> role.</summary>
    public static Actor Actor { get; } = new(Id, RoleCatalog.System);
}
