using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Storage.Entities.Webhooks;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>Whether a subscription selects an event: one of its patterns matches the name, and each filter set equals the case's column.</summary>
internal static class SubscriptionFilter
{
    public static bool Selects(WebhookSubscriptionRow s, string name, string? definitionId, string? jurisdiction, string? department) =>
        Patterns(s.EventTypes).Any(p => EventNames.Matches(p, name))
        && (s.DefinitionId is null || string.Equals(s.DefinitionId, definitionId, StringComparison.Ordinal))
        && (s.Jurisdiction is null || string.Equals(s.Jurisdiction, jurisdiction, StringComparison.Ordinal))
        && (s.Department is null || string.Equals(s.Department, department, StringComparison.Ordinal));

    public static string[] Patterns(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
