using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>A change set waiting for a group commit.</summary>
internal sealed class Pending(PreparedChangeSet changes)
{
    public PreparedChangeSet Changes { get; } = changes;

    public TaskCompletionSource<CommitResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
