using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Schedules;

namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>Compares deadlines (period, anchor, unit, reminders, overdue) and the schedules of a state.</summary>
internal static class DeadlineDiffer
{
    public static void Deadlines(ChangeScope scope, IReadOnlyList<DeadlineDefinition> before, IReadOnlyList<DeadlineDefinition> after) =>
        scope.Keyed(
            "deadlines", before, after, d => d.Id, d => new ChangeSubject(Nouns.Deadline, d.Id, d.Name), ChangeElement.Deadline,
            Summary, (deadline, old, now) => Compare(deadline, old, now));

    /// <summary>
    /// <c>90d</c>, <c>15wd from document:paymentOrderAcceptance</c>, <c>due repairDueDate</c>: a change of unit (calendar
    /// or working days) or of length is a change of the period text.
    /// </summary>
    public static string Summary(DeadlineDefinition deadline)
    {
        var when = deadline.Period is { } p ? p.Text : "due " + deadline.DueField?.Text;
        return deadline.Anchor.Kind == AnchorKind.Entered ? when : $"{when} from {ValueText.Anchor(deadline.Anchor)}";
    }

    public static void Compare(ChangeScope deadline, DeadlineDefinition old, DeadlineDefinition now)
    {
        deadline.Names(old.Name, now.Name);
        deadline.Property("period", Nouns.Period, old.Period?.Text, now.Period?.Text);
        deadline.Property("dueField", Nouns.DueField, old.DueField?.Text, now.DueField?.Text);
        deadline.Property("from", Nouns.Anchor, ValueText.Anchor(old.Anchor), ValueText.Anchor(now.Anchor));
        deadline.Property(
            "holidayRule", Nouns.HolidayRule, old.HolidayRule is { } o ? ValueText.Rule(o) : null, now.HolidayRule is { } n ? ValueText.Rule(n) : null,
            ChangeElement.HolidayRule);
        deadline.Members("remind", Nouns.Reminder, ChangeElement.Reminder, ChangeScope.Texts(old.Reminders), ChangeScope.Texts(now.Reminders));
        deadline.Property("remindRole", Nouns.RemindRole, old.RemindRole?.Text, now.RemindRole?.Text, ChangeElement.Reminder);
        Overdue(deadline, old.Overdue, now.Overdue);
        deadline.Implements(old.Implements, now.Implements);
    }

    public static void Schedules(ChangeScope state, IReadOnlyList<ScheduleDefinition> before, IReadOnlyList<ScheduleDefinition> after) =>
        state.Keyed(
            "schedules", before, after, s => s.Id, s => new ChangeSubject(Nouns.Schedule, s.Id, s.Name), ChangeElement.Schedule,
            s => Members(s.Members),
            (schedule, old, now) =>
            {
                schedule.Names(old.Name, now.Name);
                schedule.Property("item", Nouns.Members, Members(old.Members), Members(now.Members));
                schedule.Property("monthly", Nouns.Monthly, Monthly(old.Monthly), Monthly(now.Monthly));
                schedule.Property("completed", Nouns.Completed, old.Completed?.Text, now.Completed?.Text);
                Compare(schedule.Under("deadline", ChangeElement.Deadline), old.Deadline, now.Deadline);
                schedule.Implements(old.Implements, now.Implements);
            });

    private static void Overdue(ChangeScope deadline, OverdueDefinition? before, OverdueDefinition? after)
    {
        var overdue = deadline.Under("overdue", ChangeElement.Overdue);
        overdue.Property("escalate", Nouns.Escalate, before?.Escalate?.Text, after?.Escalate?.Text);
        overdue.Property("fire", Nouns.Fire, before?.Fire?.Text, after?.Fire?.Text);
        overdue.Property("basis/zh", Nouns.Basis, before?.Basis?.Zh, after?.Basis?.Zh);
        overdue.Property("basis/en", Nouns.Basis, before?.Basis?.En, after?.Basis?.En);
    }

    private static string Members(IReadOnlyList<ScheduleMember> members) =>
        string.Join(", ", members.OrderBy(m => m.Name.Text, StringComparer.Ordinal).Select(m => $"{m.Name.Text}: {ValueText.Type(m.Type)}"));

    private static string? Monthly(MonthlyMinimum? monthly) =>
        monthly is null ? null : $"minimum {monthly.Minimum.Text} by {monthly.DateMember.Text}";
}
