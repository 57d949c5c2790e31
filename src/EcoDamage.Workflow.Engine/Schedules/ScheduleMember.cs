using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Schedules;

/// <summary>One member of a schedule item: its name and data type (<c>due: date</c>).</summary>
/// <param name="Name">Member name, as written in the record list's items.</param>
/// <param name="Type">Data type; null when the type was not recognised (reported while reading).</param>
public sealed record ScheduleMember(Token Name, DataType? Type);
