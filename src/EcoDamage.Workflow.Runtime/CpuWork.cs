namespace EcoDamage.Workflow.Runtime;

/// <summary>
/// Pure CPU work per item of a batch (snapshot deserialization and serialization, engine ticks, change sets) spread
/// over the machine's cores, each result written to its item's slot so the batch keeps its order. The database work
/// around it stays on one connection; only this part runs in parallel.
/// </summary>
internal static class CpuWork
{
    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 on up to one thread per core.</summary>
    public static void ForEach(int count, Action<int> body, CancellationToken cancellationToken) =>
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, body);
}
