namespace EcoDamage.Workflow.Scheduling.Deadlines;

/// <summary>Quartz job stores for the sweep job.</summary>
public enum DeadlineJobStore
{
    /// <summary>AdoJobStore on the case database (SQLite embedded; clustered on PostgreSQL).</summary>
    Persistent,

    /// <summary>RAMJobStore: nothing of Quartz's is stored (the deadlines themselves always are).</summary>
    Memory,
}
