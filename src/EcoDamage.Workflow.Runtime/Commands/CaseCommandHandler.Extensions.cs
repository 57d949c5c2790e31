using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Commands;

public sealed partial class CaseCommandHandler
{
    private async Task<(CommandOutcome, CaseChangeSet?)> ExtendAsync(
        CaseCommand command, string caseId, long? expectedVersion, Instant now, CancellationToken cancellationToken)
    {
        var stored = await cases.LoadAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (CommandOutcome.NotFound(caseId), null);
        }

        if (expectedVersion is { } expected && expected != stored.Case.Version)
        {
            return (CommandOutcome.VersionConflict(caseId, stored.Case.Version), null);
        }

        var approval = command is ApproveDeadlineExtension;
        // A deadline engine is two references over the injected engine: made here, not injected, so the handler's
        // constructor stays the one its callers know.
        var deadlines = new DeadlineEngine(engine);
        var result = command switch
        {
            RequestDeadlineExtension r => deadlines.RequestExtension(stored.Case, r.DeadlineKey, new DeadlineExtension(r.Period, r.LastDay, r.Reason), r.Actor, now),
            ApproveDeadlineExtension a => deadlines.ApproveExtension(stored.Case, a.DeadlineKey, a.Actor, now),
            _ => throw new ArgumentException($"not an extension command: {command.GetType()}", nameof(command)),
        };
        if (!result.Accepted)
        {
            return (CommandOutcome.Refused(caseId, result.Refusals), null);
        }

        var changes = ExtensionChangeSetBuilder.Build(engine.Catalog, stored, result, approval, command.Actor, now, time);
        return (new CommandOutcome(OutcomeKind.Accepted, caseId, result.Case.Version, result.Case.States, []) { Case = result.Case }, changes);
    }
}
