using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Runtime.Messaging;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// Whether a subscription selects an event: one of its patterns matches the name, each filter set equals the case's
/// column, and its owner's scope covers the case (an event of an unknown case is covered only by a scope of everything).
/// </summary>
internal static class SubscriptionFilter
{
    public static bool Selects(SubscriptionRoute s, string name, CaseRouting? routing) =>
        s.EventTypes.Any(p => EventNames.Matches(p, name))
        && (s.DefinitionId is null || string.Equals(s.DefinitionId, routing?.DefinitionId, StringComparison.Ordinal))
        && (s.Jurisdiction is null || string.Equals(s.Jurisdiction, routing?.Jurisdiction, StringComparison.Ordinal))
        && (s.Department is null || string.Equals(s.Department, routing?.Department, StringComparison.Ordinal))
        && s.Scope.Covers(routing?.Ownership ?? Runtime.Access.CaseOwnership.Unowned);
}
