using EcoDamage.Workflow.Runtime.Access;

namespace EcoDamage.Workflow.Server.Access;

/// <summary>Writes the queued reads of <see cref="CaseReadLog"/> to the store in batches of up to <see cref="BatchSize"/>.</summary>
internal sealed class CaseReadFlusher(CaseReadLog log, IServiceScopeFactory scopes, ILogger<CaseReadFlusher> logger) : BackgroundService
{
    /// <summary>The most reads written in one transaction.</summary>
    public const int BatchSize = 500;

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        log.Complete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CaseRead>(BatchSize);
        try
        {
            while (await log.Pending.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < BatchSize && log.Pending.TryRead(out var read))
                {
                    batch.Add(read);
                }

                await WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is written below.
        }

        while (log.Pending.TryRead(out var rest))
        {
            batch.Add(rest);
        }

        await WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task WriteAsync(List<CaseRead> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ICaseReadStore>().AppendAsync(batch.ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The log must never stop reads: a batch the database refuses (it is down, the host stops) is counted as dropped.
            log.Drop(batch.Count);
            AccessLog.ReadLogBatchDropped(logger, batch.Count, e.Message);
        }
    }
}
