namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Completes when the start-up migration has brought the database to the current model (faults when it failed).</summary>
internal sealed class StorageReadiness
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the migration.</summary>
    public Task Migrated => _migrated.Task;

    /// <summary>Marks the migration done.</summary>
    public void Complete() => _migrated.TrySetResult();

    /// <summary>Marks the migration failed.</summary>
    public void Fail(Exception exception) => _migrated.TrySetException(exception);
}
