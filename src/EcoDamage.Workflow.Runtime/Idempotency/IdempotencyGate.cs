namespace EcoDamage.Workflow.Runtime.Idempotency;

/// <summary>
/// Serialises the requests of one (scoped) idempotency key within the process: a retry arriving while the first request
/// is in flight waits for it and then reads its recorded outcome, instead of racing it and answering a conflict. Requests
/// on other nodes are covered by the store: the loser of the commit race reads the winner's record.
/// </summary>
internal static class IdempotencyGate
{
    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="handle"/> for <paramref name="command"/>: at once without an idempotency key, else with the key
    /// in the caller's namespace (<see cref="IdempotencyKeys.Scoped"/>) and after the other requests of that key in this process.
    /// </summary>
    public static async Task<Commands.CommandOutcome> RunAsync(
        Commands.CaseCommand command, Func<string?, Task<Commands.CommandOutcome>> handle, CancellationToken cancellationToken)
    {
        if (command.IdempotencyKey is null)
        {
            return await handle(null).ConfigureAwait(false);
        }

        var scoped = IdempotencyKeys.Scoped(command.Actor.Id, command.IdempotencyKey);
        using var lease = await EnterAsync(scoped, cancellationToken).ConfigureAwait(false);
        return await handle(scoped).ConfigureAwait(false);
    }

    /// <summary>Waits until no other request of <paramref name="key"/> runs in this process; dispose the lease to let the next one in.</summary>
    public static async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (Entries)
        {
            if (!Entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                Entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Leave(key, entry, entered: false);
            throw;
        }

        return new Lease(key, entry);
    }

    private static void Leave(string key, Entry entry, bool entered)
    {
        if (entered)
        {
            entry.Semaphore.Release();
        }

        lock (Entries)
        {
            if (--entry.Users == 0)
            {
                Entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Leave(key, entry, entered: true);
            }
        }
    }
}
