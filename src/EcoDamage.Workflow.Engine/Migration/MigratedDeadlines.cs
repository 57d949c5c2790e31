using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>The deadline half of one case's migration: carries open root deadlines over, then opens the missing ones.</summary>
internal sealed class MigratedDeadlines(CaseBuilder builder, StateMapping states, MigrationPlan plan, CompiledWorkflow to, Instant at)
{
    private readonly List<DeadlineChange> _opened = [];
    private readonly List<DeadlineChange> _closed = [];
    private readonly List<DeadlineChange> _moved = [];
    private readonly HashSet<string> _closedIds = new(StringComparer.Ordinal);

    public IReadOnlyList<DeadlineChange> Opened => _opened;

    public IReadOnlyList<DeadlineChange> Closed => _closed;

    public IReadOnlyList<DeadlineChange> Moved => _moved;

    /// <summary>Keeps, recomputes or closes each open state deadline of the root definition, re-pinned to its mapped state.</summary>
    public void Carry(StateDefinition target)
    {
        var active = to.States.SelfAndAncestors(target).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < builder.Deadlines.Length; i++)
        {
            var d = builder.Deadlines[i];
            if (!d.IsActive || d.Branch is not null || !string.Equals(d.DefinitionId, plan.DefinitionId, StringComparison.Ordinal)
                || !d.Key.StartsWith($"{d.DefinitionId}/{d.DeadlineId}#", StringComparison.Ordinal))
            {
                continue; // sub-process, branch and schedule deadlines stay as they are
            }

            var policy = plan.PolicyFor(d.DeadlineId);
            var state = states.Map(d.State);
            var declared = to.DeadlinesById.GetValueOrDefault(d.DeadlineId);
            if (policy == DeadlinePolicy.Close || state is null || !active.Contains(state) || (policy == DeadlinePolicy.Recompute && declared is null))
            {
                builder.Deadlines = builder.Deadlines.SetItem(i, d with { Status = DeadlineStatus.Closed, ClosedAt = at });
                _closed.Add(new DeadlineChange(d.Key, d.DeadlineId, d.Due, null));
                _closedIds.Add(d.DeadlineId);
                continue;
            }

            var carried = d with { State = state };
            if (policy == DeadlinePolicy.Recompute && Due(declared!, d) is { } due)
            {
                carried = carried with
                {
                    Due = due.Due,
                    LastDay = due.LastDay,
                    Provisional = due.Provisional,
                    RemindRole = declared!.RemindRole,
                    Reminders = Reminders(declared, d, due.Due),
                };
                if (due.Due != d.Due)
                {
                    _moved.Add(new DeadlineChange(d.Key, d.DeadlineId, d.Due, due.Due));
                }
            }

            builder.Deadlines = builder.Deadlines.SetItem(i, carried);
        }
    }

    /// <summary>Opens the deadlines <paramref name="target"/> and its ancestors declare that are not open (outermost first).</summary>
    /// <returns>Why one cannot be opened (its anchor field or document is missing), or null.</returns>
    public string? Open(CaseInstance original, StateDefinition target)
    {
        var result = new FireResult(original, []);
        foreach (var state in to.States.SelfAndAncestors(target).Reverse())
        {
            foreach (var deadline in to.DeadlinesByState.GetValueOrDefault(state.Id) ?? [])
            {
                var id = deadline.Definition.Id;
                if (_closedIds.Contains(id) || builder.Deadlines.Any(d => d.IsActive && d.Branch is null && d.DeadlineId == id && d.DefinitionId == to.Definition.Id))
                {
                    continue;
                }

                if (deadline.Definition.DueField is null && deadline.Definition.Anchor.Kind == AnchorKind.Entered)
                {
                    var anchor = EnteredAt(original, state.Id) ?? at;
                    DeadlineOpener.Add(builder, to, deadline, $"{to.Definition.Id}/{id}#", id, at, anchor,
                        to.Calculator.ComputeDue(anchor, deadline.Period!.Value, deadline.HolidayRule), result);
                }
                else
                {
                    DeadlineOpener.Open(builder, to, deadline, at, result);
                }
            }
        }

        if (builder.Refusals.Count > 0)
        {
            return string.Join("; ", builder.Refusals.Select(r => r.Message));
        }

        _opened.AddRange(result.DeadlinesOpened.Select(d => new DeadlineChange(d.Key, d.DeadlineId, null, d.Due)));
        return null;
    }

    /// <summary>When the case last entered the new state <paramref name="newState"/> (from outside it), as its history says.</summary>
    private Instant? EnteredAt(CaseInstance original, string newState)
    {
        var rootKey = original.Frames[0].DefinitionKey;
        for (var i = original.History.Count - 1; i >= 0; i--)
        {
            var h = original.History[i];
            if (h.Branch is null && string.Equals(h.DefinitionKey, rootKey, StringComparison.Ordinal)
                && states.Within(h.To, newState) && !states.Within(h.From, newState))
            {
                return h.At;
            }
        }

        return null;
    }

    private DueDate? Due(CompiledDeadline declared, DeadlineInstance open)
    {
        if (declared.Definition.DueField is { } field)
        {
            return builder.TryGetData(field.Text, out var value) && value is LocalDate lastDay ? to.Calculator.DueOn(lastDay, declared.HolidayRule) : null;
        }

        return declared.Period is { } period ? to.Calculator.ComputeDue(open.Anchor, period, declared.HolidayRule) : null;
    }

    private ImmutableArray<ReminderInstance> Reminders(CompiledDeadline declared, DeadlineInstance open, Instant due) =>
        declared.Reminders
            .Select(r =>
            {
                var remindAt = to.Calculator.ComputeReminder(due, r.Before);
                var sent = remindAt <= at || open.Reminders.Any(o => o.Sent && string.Equals(o.Offset, r.Text, StringComparison.Ordinal));
                return new ReminderInstance(r.Text, remindAt, sent);
            })
            .ToImmutableArray();
}
