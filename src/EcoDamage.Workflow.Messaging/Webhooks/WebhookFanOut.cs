using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Runtime.Messaging;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>
/// One relay round's fan-out: turns each claimed outbox row (named when its command committed) into its event,
/// keeps the resulting <see cref="CaseEvent"/> for the bus, and plans one delivery per subscription that selects it, all
/// sharing one envelope body.
/// </summary>
internal sealed class WebhookFanOut(string source) : IOutboxFanOut
{
    /// <summary>The claimed events, in the order the store planned them (id order).</summary>
    public List<CaseEvent> Events { get; } = [];

    public IReadOnlyList<PlannedDelivery> Plan(OutboxEntry entry, CaseRouting? routing, IReadOnlyList<SubscriptionRoute> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var name = entry.Name;
        var e = new CaseEvent(entry.Id, name, EventNames.TypeOf(name), entry.Type, entry.CaseId, entry.OccurredAt, entry.Payload);
        Events.Add(e);
        string? body = null;
        List<PlannedDelivery>? planned = null;
        foreach (var s in subscriptions)
        {
            if (SubscriptionFilter.Selects(s, name, routing))
            {
                body ??= WebhookEnvelope.Write(e, source);
                (planned ??= []).Add(new PlannedDelivery(s.Id, e.Type, body));
            }
        }

        return planned ?? (IReadOnlyList<PlannedDelivery>)[];
    }
}
