using EcoDamage.Workflow.Engine.Definitions;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>What a definition is checked against: the roles, tables, calendars and other definitions beside it.</summary>
/// <param name="Roles">Declared roles.</param>
/// <param name="Tables">Lookup tables by id.</param>
/// <param name="Calendars">Calendar ids available.</param>
/// <param name="Definitions">All definitions of the catalog (for calls).</param>
internal sealed record ValidationContext(
    RoleCatalog Roles,
    IReadOnlyDictionary<string, LookupTable> Tables,
    IReadOnlySet<string> Calendars,
    IReadOnlyList<WorkflowDefinition> Definitions);
