using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Links;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Sends the link commands (split, supplementary claim, link) to the runtime with the case id in the logging scope, an activity and metrics, as <see cref="CaseCommands"/> does.</summary>
internal sealed class LinkCommands(CaseLinkHandler handler, CaseTelemetry telemetry, TimeProvider time, ILogger<LinkCommands> logger)
{
    /// <summary>Handles <paramref name="command"/>, made on <paramref name="caseId"/>.</summary>
    public async Task<CommandOutcome> SendAsync(CaseCommand command, string caseId, string trigger, CancellationToken cancellationToken)
    {
        var name = command.GetType().Name;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CaseId"] = caseId, ["Trigger"] = trigger });
        using var activity = CaseTelemetry.Start(name, caseId, trigger);
        var started = time.GetTimestamp();
        var outcome = await handler.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        var kind = outcome.Replayed ? $"{outcome.Kind}Replayed" : outcome.Kind.ToString();
        telemetry.Record(activity, name, trigger, kind, time.GetElapsedTime(started));
        Log.CommandHandled(logger, name, trigger, command.Actor.Id, command.Actor.Role, kind, outcome.Version);
        return outcome;
    }
}
