using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Calendars;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>The two recorded steps of a deadline extension, request and approval, for <see cref="DeadlineEngine"/>.</summary>
/// <param name="engine">Resolves a case's workflows.</param>
internal sealed class DeadlineExtender(WorkflowEngine engine)
{
    /// <summary>Records a request to extend an open deadline; see <see cref="DeadlineEngine.RequestExtension"/>.</summary>
    public ExtensionResult Request(CaseInstance @case, string deadlineKey, DeadlineExtension extension, Actor requester, Instant now)
    {
        if (FindOpen(@case, deadlineKey, out var index) is { } refused)
        {
            return refused;
        }

        var before = @case.Deadlines[index];
        if (!MayAsk(@case, before, requester.Role))
        {
            // Who runs the step the deadline times asks for more time (the handling department), nobody else.
            return new ExtensionResult(@case, before, null, [new Refusal(
                RefusalKind.RoleNotAllowed, $"role '{requester.Role}' fires no trigger of state '{before.State}', so it may not ask to extend '{deadlineKey}'", "role")]);
        }

        var refusals = new List<Refusal>();
        if (string.IsNullOrWhiteSpace(extension.Reason))
        {
            refusals.Add(new Refusal(RefusalKind.InvalidData, "an extension needs a reason", "reason"));
        }

        var due = ProposedDue(@case, before, extension, now, refusals);
        if (refusals.Count > 0 || due is not { } proposed)
        {
            return new ExtensionResult(@case, before, null, refusals);
        }

        var request = new ExtensionRequest(extension, requester.Id, requester.Role, now, proposed.Due, proposed.LastDay);
        var after = before with { PendingExtension = request };
        var updated = @case with
        {
            Version = @case.Version + 1,
            Deadlines = @case.Deadlines.SetItem(index, after),
            History = @case.History.Add(ExtensionHistory(@case, HistoryKind.ExtensionRequested, before, requester, now, request)),
        };
        return new ExtensionResult(updated, before, after, []);
    }

    /// <summary>Approves the pending extension of a deadline; see <see cref="DeadlineEngine.ApproveExtension"/>.</summary>
    public ExtensionResult Approve(CaseInstance @case, string deadlineKey, Actor approver, Instant now)
    {
        if (FindOpen(@case, deadlineKey, out var index) is { } refused)
        {
            return refused;
        }

        var before = @case.Deadlines[index];
        if (before.PendingExtension is not { } request)
        {
            return new ExtensionResult(@case, before, null, [new Refusal(RefusalKind.NotPermittedInState, $"deadline '{deadlineKey}' has no extension request to approve", "deadline")]);
        }

        if (string.Equals(request.RequestedBy, approver.Id, StringComparison.Ordinal))
        {
            return new ExtensionResult(@case, before, null, [new Refusal(RefusalKind.RoleNotAllowed, "an extension is approved by someone other than its requester", approver.Id)]);
        }

        if (request.ProposedDue <= now)
        {
            return new ExtensionResult(@case, before, null, [new Refusal(RefusalKind.InvalidData, $"the requested due instant {request.ProposedDue} has already passed", "lastDay")]);
        }

        var workflow = engine.Workflow(Instances.BranchDeadlines.FrameOf(@case, before));
        var compiled = workflow.DeadlinesById[before.DeadlineId];
        var reminders = compiled.Reminders
            .Select(r =>
            {
                var at = workflow.Calculator.ComputeReminder(request.ProposedDue, r.Before);
                return new ReminderInstance(r.Text, at, Sent: at <= now);
            })
            .ToImmutableArray();
        var after = before with
        {
            Due = request.ProposedDue,
            LastDay = request.ProposedLastDay,
            Reminders = reminders,
            PendingExtension = null,
        };
        var updated = @case with
        {
            Version = @case.Version + 1,
            Deadlines = @case.Deadlines.SetItem(index, after),
            History = @case.History.Add(ExtensionHistory(@case, HistoryKind.DeadlineExtended, before, approver, now, request)),
        };
        return new ExtensionResult(updated, before, after, []);
    }

    private static ExtensionResult? FindOpen(CaseInstance @case, string deadlineKey, out int index)
    {
        index = -1;
        for (var i = 0; i < @case.Deadlines.Length; i++)
        {
            if (string.Equals(@case.Deadlines[i].Key, deadlineKey, StringComparison.Ordinal))
            {
                index = i;
            }
        }

        if (index < 0)
        {
            return new ExtensionResult(@case, null, null, [new Refusal(RefusalKind.InvalidData, $"the case has no deadline '{deadlineKey}'", "deadline")]);
        }

        var deadline = @case.Deadlines[index];
        return deadline.Status == DeadlineStatus.Open
            ? null
            : new ExtensionResult(@case, deadline, null, [new Refusal(
                RefusalKind.NotPermittedInState,
                $"deadline '{deadlineKey}' is {deadline.Status.ToString().ToLowerInvariant()}; only an open deadline can be extended",
                "deadline")]);
    }

    private DueDate? ProposedDue(CaseInstance @case, DeadlineInstance deadline, DeadlineExtension extension, Instant now, List<Refusal> refusals)
    {
        var workflow = engine.Workflow(Instances.BranchDeadlines.FrameOf(@case, deadline));
        var compiled = workflow.DeadlinesById[deadline.DeadlineId];
        DueDate due;
        if ((extension.Period is null) == (extension.LastDay is null))
        {
            refusals.Add(new Refusal(RefusalKind.InvalidData, "give either a further period or a new last day", "period"));
            return null;
        }

        if (extension.Period is { } text)
        {
            if (!LegalPeriod.TryParse(text, out var period, out var error))
            {
                refusals.Add(new Refusal(RefusalKind.InvalidData, $"period '{text}': {error}", "period"));
                return null;
            }

            due = workflow.Calculator.ComputeDue(deadline.LastDay, period, compiled.HolidayRule);
            if (TooLate(deadline, due.LastDay, extension, "period", refusals))
            {
                return null;
            }
        }
        else
        {
            var lastDay = extension.LastDay!.Value;
            var today = now.InZone(workflow.Calculator.Calendar.Zone).Date;
            if (lastDay < today)
            {
                refusals.Add(new Refusal(RefusalKind.InvalidData, $"the new last day {lastDay:uuuu-MM-dd} is in the past (today is {today:uuuu-MM-dd})", "lastDay"));
                return null;
            }

            if (TooLate(deadline, lastDay, extension, "lastDay", refusals))
            {
                return null;
            }

            due = workflow.Calculator.DueOn(lastDay, compiled.HolidayRule);
        }

        if (due.Due <= deadline.Due)
        {
            refusals.Add(new Refusal(RefusalKind.InvalidData, $"the new last day {due.LastDay:uuuu-MM-dd} is not later than the current one ({deadline.LastDay:uuuu-MM-dd})", extension.Period is null ? "lastDay" : "period"));
            return null;
        }

        return due;
    }

    /// <summary>Whether <paramref name="role"/> fires some trigger of the deadline's state or of the state the deadline's frame is in now (within it).</summary>
    private bool MayAsk(CaseInstance @case, DeadlineInstance deadline, string role)
    {
        var frame = Instances.BranchDeadlines.FrameOf(@case, deadline);
        var workflow = engine.Workflow(frame);
        return workflow.TriggersHandledIn(deadline.State).Concat(workflow.TriggersHandledIn(frame.State))
            .Any(t => workflow.Triggers[t].Allows(role));
    }

    /// <summary>A new last day further than <see cref="DeadlineExtension.MaxExtension"/> beyond the current one is refused (checked before any date arithmetic on it).</summary>
    private static bool TooLate(DeadlineInstance deadline, LocalDate lastDay, DeadlineExtension extension, string subject, List<Refusal> refusals)
    {
        var latest = deadline.LastDay.Plus(extension.MaxExtension);
        if (lastDay <= latest)
        {
            return false;
        }

        refusals.Add(new Refusal(RefusalKind.InvalidData,
            $"the new last day {lastDay:uuuu-MM-dd} is more than {extension.MaxExtension} beyond the current one ({deadline.LastDay:uuuu-MM-dd}); the latest is {latest:uuuu-MM-dd}", subject));
        return true;
    }

    private static HistoryEntry ExtensionHistory(CaseInstance @case, HistoryKind kind, DeadlineInstance deadline, Actor actor, Instant now, ExtensionRequest request) =>
        new(now, kind, @case.Frames[^1].DefinitionKey, @case.State, @case.State, deadline.Key, actor.Id, actor.Role,
            ImmutableDictionary<string, object?>.Empty
                .Add("reason", request.Extension.Reason)
                .Add("requestedBy", request.RequestedBy)
                .Add("fromLastDay", deadline.LastDay)
                .Add("toLastDay", request.ProposedLastDay));
}
