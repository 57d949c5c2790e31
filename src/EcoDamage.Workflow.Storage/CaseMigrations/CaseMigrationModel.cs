using EcoDamage.Workflow.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.CaseMigrations;

/// <summary>The table of migrations (issue 14) and the index that pages the cases of one definition version.</summary>
internal static class CaseMigrationModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<CaseMigrationRow>(e =>
        {
            e.ToTable("CaseMigrations");
            e.HasKey(m => m.Id);
            e.HasIndex(m => m.Status);
        });

        // A migration pages the cases of one root definition version in id order.
        model.Entity<CaseRow>().HasIndex(c => new { c.DefinitionId, c.DefinitionVersion, c.Id });
    }
}
