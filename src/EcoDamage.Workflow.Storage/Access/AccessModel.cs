using EcoDamage.Workflow.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Access;

/// <summary>The access tables of the store model: a case's grants and its read log.</summary>
internal static class AccessModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<CaseGrantRow>(e =>
        {
            // Written with the case (never removed: a party once granted keeps its history); a party's cases by the Party index.
            e.ToTable("CaseGrants");
            e.HasKey(g => new { g.CaseId, g.Party });
            e.HasIndex(g => g.Party);
        });
        model.Entity<CaseReadRow>(e =>
        {
            e.ToTable("CaseReads");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedOnAdd();
            e.HasIndex(r => new { r.CaseId, r.Id });
        });
    }
}
