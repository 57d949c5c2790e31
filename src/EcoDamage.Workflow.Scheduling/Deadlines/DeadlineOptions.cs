namespace EcoDamage.Workflow.Scheduling.Deadlines;

/// <summary>Options of the deadline sweeper (configuration section <c>Deadlines</c>).</summary>
public sealed class DeadlineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deadlines";

    /// <summary>Whether the sweep job is scheduled at all.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the sweep job's trigger fires.</summary>
    /// <value>Default: 500 ms. Allowed: 50 ms to 1 minute.</value>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many due deadline rows one claim takes.</summary>
    /// <value>Default: 500. Allowed: 1 to 10,000.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long one firing of the job keeps claiming batches while rows are still due.</summary>
    /// <value>Default: 10 seconds. Allowed: more than zero, at most 10 minutes.</value>
    public TimeSpan MaxSweepDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claim keeps other nodes away from a row (PostgreSQL); a commit releases it sooner.</summary>
    /// <value>Default: 30 seconds. Allowed: 1 second to 1 hour.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An event handled more than this after its due instant is marked late in the audit trail.</summary>
    /// <value>Default: 1 minute. Allowed: zero or more.</value>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many sweep jobs exist (<c>deadline-sweep-1…N</c>). Each is non-concurrent, so in a Quartz cluster up to
    /// N nodes sweep at once, claiming disjoint rows; one is enough for SQLite (one node, one writer).
    /// </summary>
    /// <value>Default: 1. Allowed: 1 to 16.</value>
    public int Lanes { get; set; } = 1;

    /// <summary>Where Quartz keeps its jobs and triggers.</summary>
    /// <value>Default: <see cref="DeadlineJobStore.Persistent"/> (AdoJobStore on the case database; clustered on PostgreSQL).</value>
    public DeadlineJobStore JobStore { get; set; } = DeadlineJobStore.Persistent;

    /// <summary>Quartz's scheduler instance id on this node; empty generates one (required to be unique in a cluster).</summary>
    /// <value>Default: empty (generated).</value>
    public string InstanceId { get; set; } = string.Empty;
}
