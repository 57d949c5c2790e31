using System.Collections.Immutable;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>Records participants on a case: a change like any other (a new version and a history entry), in no state's way.</summary>
public static class CaseParticipants
{
    /// <summary>The trigger name a participant's recording carries in the history and the audit trail.</summary>
    public const string Trigger = "participant:add";

    /// <summary>Adds <paramref name="participant"/> to <paramref name="case"/>, whatever its state (as before participants were part of the case).</summary>
    /// <param name="case">The case.</param>
    /// <param name="participant">The participant (recorded by <paramref name="participant"/>'s <c>AddedBy</c>).</param>
    /// <returns>The result: the case one version on with the participant last in <see cref="CaseInstance.Participants"/>.</returns>
    /// <exception cref="InvalidOperationException">The case was never started (a bug in the caller).</exception>
    public static FireResult Add(CaseInstance @case, CaseParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(participant);
        if (@case.Frames.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException("the case has not been started");
        }

        var updated = @case with
        {
            Version = @case.Version + 1,
            Participants = @case.Participants.Add(participant),
            History = @case.History.Add(new HistoryEntry(
                participant.AddedAt, HistoryKind.ParticipantAdded, @case.Frames[^1].DefinitionKey, @case.State, @case.State, Trigger,
                participant.AddedBy, participant.AddedByRole, ImmutableDictionary<string, object?>.Empty)),
        };
        var result = FireResult.Begin(@case, Trigger);
        result.Case = updated;
        return result;
    }
}
