namespace EcoDamage.Workflow.Runtime;

/// <summary>
/// Pure CPU work per item of a batch (snapshot deserialization and serialization, engine ticks, change sets) spread
/// over the machine's cores, each result written to its item's slot so the batch keeps its order. The database work
/// around it stays on one connection; only this part runs in parallel. Public for the store's batch paths.
/// </summary>
public static class CpuWork
{
    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 on up to one thread per core.</summary>
    /// <param name="count">How many items.</param>
    /// <param name="body">The work for one item's index; it must write only that item's slot.</param>
    /// <param name="cancellationToken">Stops handing out items.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="AggregateException"><paramref name="body"/> threw for some item.</exception>
    public static void ForEach(int count, Action<int> body, CancellationToken cancellationToken) =>
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, body);
}
