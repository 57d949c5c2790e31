using EcoDamage.Workflow.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Configuration;

/// <summary>The store model, shared by both providers.</summary>
internal static class WorkflowModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<CaseRow>(e =>
        {
            e.ToTable("Cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.DefinitionId, c.State });
            e.HasIndex(c => c.UpdatedAt);
            e.HasIndex(c => c.Jurisdiction);
            e.HasIndex(c => c.Channel);
            // Listings filter by state or department and show the most recently updated first: one index walk each.
            e.HasIndex(c => new { c.Department, c.UpdatedAt });
            e.HasIndex(c => new { c.State, c.UpdatedAt });
            // A listing that starts from other rows (search hits, overdue deadlines) orders them without reading the cases.
            e.HasIndex(c => new { c.Id, c.UpdatedAt });
            e.HasIndex(c => c.ReferringDepartment);
        });
        model.Entity<CaseSearchRow>(e =>
        {
            // The FTS5 table (SQLite) and the GIN index (PostgreSQL) over Grams are created by the migration's SQL.
            e.ToTable("CaseSearch");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.CaseId).IsUnique();
        });
        model.Entity<AuditEventRow>(e =>
        {
            e.ToTable("AuditEvents");
            e.HasKey(a => new { a.CaseId, a.Sequence });
            e.HasIndex(a => a.At);
            // Deadline feeds (reminders of a department, escalations to the procuratorate) read by kind.
            e.HasIndex(a => new { a.Kind, a.At });
        });
        model.Entity<DeadlineRow>(e =>
        {
            e.ToTable("Deadlines");
            e.HasKey(d => new { d.CaseId, d.Key });
            e.HasIndex(d => d.NextEventAt);
            e.HasIndex(d => new { d.Due, d.CaseId }); // the overdue and due-within listings: counted from the index alone
            // Provisional rows only (partial index): the cases a holiday-calendar publication recomputes, by case id.
            e.HasIndex(d => d.CaseId, "IX_Deadlines_Provisional_CaseId").HasFilter("\"Provisional\"");
        });
        model.Entity<OutboxRow>(e =>
        {
            e.ToTable("Outbox");
            e.HasKey(o => o.Id);
            // Undispatched rows only (partial indexes): the dispatcher's claim in id order, and the delivery claim's
            // "an older event of this case is not dispatched yet" check.
            e.HasIndex(o => o.Id, "IX_Outbox_Undispatched_Id").HasFilter("\"DispatchedAt\" IS NULL");
            e.HasIndex(o => new { o.CaseId, o.Id }, "IX_Outbox_Undispatched_CaseId_Id").HasFilter("\"DispatchedAt\" IS NULL");
            e.HasIndex(o => o.CaseId);
        });
        model.Entity<IdempotencyRow>(e =>
        {
            e.ToTable("IdempotencyRecords");
            e.HasKey(i => i.Key);
            e.HasIndex(i => i.CreatedAt);
        });
        model.Entity<DocumentRow>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.CaseId, d.DocumentType });
            e.HasIndex(d => d.Sha256);
        });
        model.Entity<CaseLinkRow>(e =>
        {
            // Stored once, from the dependent case to the original; a case's links are read from both sides (key prefix, ToCaseId index).
            e.ToTable("CaseLinks");
            e.HasKey(l => new { l.FromCaseId, l.ToCaseId, l.Kind });
            e.HasIndex(l => l.ToCaseId);
        });
        WebhookModel.Configure(model);
        Accounts.AccountModel.Configure(model);
        ApiKeys.ApiKeyModel.Configure(model);
        Access.AccessModel.Configure(model);
        Catalog.CatalogModel.Configure(model);
        CaseMigrations.CaseMigrationModel.Configure(model);
    }
}
