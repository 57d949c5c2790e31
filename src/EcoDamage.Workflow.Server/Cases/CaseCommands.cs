using EcoDamage.Workflow.Runtime.Commands;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Sends commands to the runtime with the case id in the logging scope, an activity and metrics.</summary>
internal sealed class CaseCommands(CaseCommandHandler handler, CaseTelemetry telemetry, TimeProvider time, ILogger<CaseCommands> logger)
{
    /// <summary>Handles <paramref name="command"/> on <paramref name="caseId"/> (null for a new case without a chosen id).</summary>
    public async Task<CommandOutcome> SendAsync(CaseCommand command, string? caseId, string trigger, CancellationToken cancellationToken)
    {
        var name = command.GetType().Name;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CaseId"] = caseId, ["Trigger"] = trigger });
        using var activity = CaseTelemetry.Start(name, caseId ?? string.Empty, trigger);
        var started = time.GetTimestamp();
        var outcome = await handler.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        var kind = outcome.Replayed ? $"{outcome.Kind}Replayed" : outcome.Kind.ToString();
        telemetry.Record(activity, name, trigger, kind, time.GetElapsedTime(started));
        using var resolved = caseId is null ? logger.BeginScope(new Dictionary<string, object?> { ["CaseId"] = outcome.CaseId }) : null;
        Log.CommandHandled(logger, name, trigger, command.Actor.Id, command.Actor.Role, kind, outcome.Version);
        return outcome;
    }
}
