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

            due = workflow.Calculator.DueOn(lastDay, compiled.HolidayRule);
        }

        if (due.Due <= deadline.Due)
        {
            refusals.Add(new Refusal(RefusalKind.InvalidData, $"the new last day {due.LastDay:uuuu-MM-dd} is not later than the current one ({deadline.LastDay:uuuu-MM-dd})", extension.Period is null ? "lastDay" : "period"));
            return null;
        }

        return due;
    }

    private static HistoryEntry ExtensionHistory(CaseInstance @case, HistoryKind kind, DeadlineInstance deadline, Actor actor, Instant now, ExtensionRequest request) =>
        new(now, kind, @case.Frames[^1].DefinitionKey, @case.State, @case.State, deadline.Key, actor.Id, actor.Role,
            ImmutableDictionary<string, object?>.Empty
                .Add("reason", request.Extension.Reason)
                .Add("requestedBy", request.RequestedBy)
                .Add("fromLastDay", deadline.LastDay)
                .Add("toLastDay", request.ProposedLastDay));
}
