using EcoDamage.Workflow.Storage.Entities.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Configuration;

/// <summary>The webhook tables (issue 5): subscriptions, deliveries and the attempt log.</summary>
internal static class WebhookModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<WebhookSubscriptionRow>(e =>
        {
            e.ToTable("WebhookSubscriptions");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.Status);
        });
        model.Entity<WebhookDeliveryRow>(e =>
        {
            e.ToTable("WebhookDeliveries");
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.EventId, d.SubscriptionId }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.SubscriptionId, d.CaseId, d.Status, d.EventId });
            e.HasIndex(d => new { d.SubscriptionId, d.OccurredAt });
        });
        model.Entity<WebhookAttemptRow>(e =>
        {
            e.ToTable("WebhookAttempts");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.DeliveryId, a.Attempt });
        });
    }
}
