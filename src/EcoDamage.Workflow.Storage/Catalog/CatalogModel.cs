using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Catalog;

/// <summary>The definition store's tables (issue 14): versions, document revisions, drafts, the administration trail.</summary>
internal static class CatalogModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<DefinitionVersionRow>(e =>
        {
            e.ToTable("DefinitionVersions");
            e.HasKey(v => new { v.DefinitionId, v.Version });
        });
        model.Entity<CatalogDocumentRow>(e =>
        {
            e.ToTable("CatalogDocuments");
            e.HasKey(d => new { d.Path, d.Revision });
        });
        model.Entity<DefinitionDraftRow>(e =>
        {
            e.ToTable("DefinitionDrafts");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(64);
            e.Property(d => d.Revision).IsConcurrencyToken();
        });
        model.Entity<AdministrationEventRow>(e =>
        {
            e.ToTable("AdministrationEvents");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.HasIndex(a => new { a.ChangesCatalog, a.Sequence });
        });
    }
}
