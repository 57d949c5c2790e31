using EcoDamage.Workflow.Storage.Entities.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Configuration;

/// <summary>The webhook tables (issue 5): subscriptions, deliveries and the attempt log.</summary>
internal static class WebhookModel
{
    /// <summary>The filter of the pending-only indexes, the same SQL on SQLite and PostgreSQL.</summary>
    private const string PendingFilter = "\"Status\" = 'Pending'";

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
            // The claim's two walks, over pending rows only (partial indexes; finished rows leave them): due deliveries in
            // event order, and the per-(subscription, case) "an older one is still pending" check.
            e.HasIndex(d => d.EventId, "IX_WebhookDeliveries_Pending_EventId").HasFilter(PendingFilter);
            e.HasIndex(d => new { d.SubscriptionId, d.CaseId, d.EventId }, "IX_WebhookDeliveries_Pending_SubscriptionId_CaseId_EventId").HasFilter(PendingFilter);
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
