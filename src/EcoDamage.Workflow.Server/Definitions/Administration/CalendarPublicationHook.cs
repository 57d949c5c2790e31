using System.Threading.Channels;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Runtime.Deadlines;

namespace EcoDamage.Workflow.Server.Definitions.Administration;

/// <summary>
/// After a holiday calendar is published and in force, deadlines computed provisionally through a year the calendar did
/// not know are computed again with it (<see cref="ProvisionalDeadlineRecomputer"/>: each changed case committed on its
/// own, with a <c>deadlines.recomputed</c> audit event). The run happens in the background, one at a time; it also runs once
/// when the node starts, so a run cut short by a stop is finished (the recomputation is idempotent).
/// </summary>
internal sealed partial class CalendarPublicationHook(
    ProvisionalDeadlineRecomputer recomputer, DefinitionCatalog catalog, ILogger<CalendarPublicationHook> logger) : BackgroundService
{
    private readonly Channel<Actor> _runs = Channel.CreateBounded<Actor>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Schedules a recomputation on behalf of <paramref name="actor"/> (a run already waiting is replaced).</summary>
    public void Published(CatalogActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _runs.Writer.TryWrite(new Actor(actor.Subject, actor.Role));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _runs.Writer.TryWrite(Actor.System);
        await foreach (var actor in _runs.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var summary = await recomputer.RunAsync(catalog.Engine, actor, stoppingToken).ConfigureAwait(false);
                if (summary.Cases > 0 || summary.Failures.Count > 0)
                {
                    LogRecomputed(logger, summary.Examined, summary.Cases, summary.Deadlines, summary.Conflicts, summary.Failures.Count);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(1010, LogLevel.Information, "Provisional deadlines recomputed with the calendar in force: {Examined} case(s) examined, {Cases} changed, {Deadlines} deadline(s) moved, {Conflicts} conflict(s), {Failures} failure(s)")]
    private static partial void LogRecomputed(ILogger logger, int examined, int cases, int deadlines, int conflicts, int failures);

    [LoggerMessage(1011, LogLevel.Error, "Recomputing provisional deadlines failed; it runs again at the next calendar publication or start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
