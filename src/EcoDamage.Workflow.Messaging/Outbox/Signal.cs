namespace EcoDamage.Workflow.Messaging.Outbox;

/// <summary>An in-process wake-up: set by whoever made work (a commit, a fan-out), awaited by a worker with a polling fallback.</summary>
internal class Signal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Dispose()
    {
        _semaphore.Dispose();
        GC.SuppressFinalize(this);
    }

    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set: one wake-up covers every commit since the worker last looked.
        }
    }

    /// <summary>Waits until set or until <paramref name="timeout"/> has passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wake = _semaphore.WaitAsync(cts.Token);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(wake, delay).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(wake, delay).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loser of the race was cancelled.
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
