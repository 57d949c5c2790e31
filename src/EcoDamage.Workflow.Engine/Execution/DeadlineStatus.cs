namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>Life of a deadline instance.</summary>
public enum DeadlineStatus
{
    /// <summary>Running.</summary>
    Open,

    /// <summary>Closed because its state was left in time.</summary>
    Closed,

    /// <summary>Passed; its overdue action has been taken (it stays so until its state is left).</summary>
    Overdue,
}
