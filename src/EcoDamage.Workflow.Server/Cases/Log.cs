namespace EcoDamage.Workflow.Server.Cases;

/// <summary>The case APIs' log messages; the case id and definition are in the logging scope (see <c>CaseCommands</c>).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{Command} {Trigger} by {Actor} ({Role}): {Outcome}, version {Version}")]
    public static partial void CommandHandled(ILogger logger, string command, string trigger, string actor, string role, string outcome, long? version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Participant {Name} ({ParticipantRole}) recorded by {Actor}")]
    public static partial void ParticipantRecorded(ILogger logger, string name, string participantRole, string actor);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Audit chain of case {CaseId} broken at event {Sequence}: {Reason}")]
    public static partial void AuditChainBroken(ILogger logger, string caseId, long sequence, string? reason);
}
