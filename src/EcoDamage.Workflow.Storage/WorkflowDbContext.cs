using EcoDamage.Workflow.Storage.Configuration;
using EcoDamage.Workflow.Storage.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage;

/// <summary>
/// The store: cases, audit events, deadlines, outbox, idempotency records and documents. One model;
/// each provider has its own derived context so that its migrations live apart
/// (<see cref="SqliteWorkflowDbContext"/>, <see cref="PostgreSqlWorkflowDbContext"/>).
/// </summary>
public abstract class WorkflowDbContext : DbContext, IDataProtectionKeyContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">Provider options.</param>
    protected WorkflowDbContext(DbContextOptions options)
        : base(options)
    {
    }

    internal DbSet<CaseRow> Cases => Set<CaseRow>();

    internal DbSet<AuditEventRow> AuditEvents => Set<AuditEventRow>();

    internal DbSet<DeadlineRow> Deadlines => Set<DeadlineRow>();

    internal DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    internal DbSet<IdempotencyRow> IdempotencyRecords => Set<IdempotencyRow>();

    internal DbSet<DocumentRow> Documents => Set<DocumentRow>();

    internal DbSet<CaseSearchRow> CaseSearch => Set<CaseSearchRow>();

    internal DbSet<CaseLinkRow> CaseLinks => Set<CaseLinkRow>();

    internal DbSet<CaseGrantRow> CaseGrants => Set<CaseGrantRow>();

    internal DbSet<CaseReadRow> CaseReads => Set<CaseReadRow>();
    /// <summary>The ASP.NET Core Data Protection key ring, shared by every node on this store.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        WorkflowModel.Configure(modelBuilder);
        DataProtection.DataProtectionKeyModel.Configure(modelBuilder);
    }
}
