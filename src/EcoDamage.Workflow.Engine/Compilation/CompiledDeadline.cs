using EcoDamage.Workflow.Engine.Calendars;
using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Compilation;

/// <summary>A deadline with its periods parsed and its holiday rule resolved.</summary>
internal sealed record CompiledDeadline(
    DeadlineDefinition Definition,
    string State,
    LegalPeriod? Period,
    HolidayRule HolidayRule,
    IReadOnlyList<(string Text, LegalPeriod Before)> Reminders,
    string? RemindRole);
