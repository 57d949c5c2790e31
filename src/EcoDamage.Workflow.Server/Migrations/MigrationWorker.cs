using EcoDamage.Workflow.Runtime.Migrations;

namespace EcoDamage.Workflow.Server.Migrations;

/// <summary>
/// Executes migrations in the background, batch by batch (a scope per batch), one migration at a time. At start it
/// resumes every migration left <see cref="MigrationStatus.Running"/> by a stopped host, after its last stored batch.
/// </summary>
internal sealed class MigrationWorker(MigrationQueue queue, IServiceScopeFactory scopes, ILogger<MigrationWorker> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ResumeAsync(stoppingToken).ConfigureAwait(false);
            while (await queue.Pending.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (queue.Pending.TryRead(out var id))
                {
                    await RunAsync(id, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a running migration stays Running and is resumed at the next start.
        }
    }

    private async Task ResumeAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMigrationStore>();
        foreach (var running in (await store.ListAsync(stoppingToken).ConfigureAwait(false)).Where(m => m.Status == MigrationStatus.Running).Reverse())
        {
            MigrationLog.Resumed(logger, running.Id, running.Cursor);
            queue.Enqueue(running.Id);
        }
    }

    private async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        try
        {
            bool more;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                more = await scope.ServiceProvider.GetRequiredService<MigrationRunner>().RunBatchAsync(id, stoppingToken).ConfigureAwait(false);
            }
            while (more);
            MigrationLog.Finished(logger, id);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The migration stays Running: executing it again, or the next start, resumes it after its last stored batch.
            MigrationLog.Failed(logger, id, e.Message);
        }
    }
}
