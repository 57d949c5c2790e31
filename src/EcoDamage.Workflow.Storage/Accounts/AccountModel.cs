using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Accounts;

/// <summary>The identity tables (issue 13): accounts, the security event log and the host's generated keys.</summary>
internal static class AccountModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<AccountRow>(e =>
        {
            e.ToTable("Accounts");
            e.HasKey(a => a.UserName);
            e.Property(a => a.UserName).HasMaxLength(100);
            e.Property(a => a.DisplayName).HasMaxLength(200);
            e.Property(a => a.Role).HasMaxLength(100);
            e.Property(a => a.Department).HasMaxLength(100);
            e.Property(a => a.Jurisdiction).HasMaxLength(100);
            e.Property(a => a.Party).HasMaxLength(100);
            e.Property(a => a.PasswordHash).HasMaxLength(400);
            e.Property(a => a.SecurityStamp).HasMaxLength(64);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        model.Entity<SecurityEventRow>(e =>
        {
            e.ToTable("SecurityEvents");
            e.HasKey(s => s.Sequence);
            e.Property(s => s.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(s => s.Id).IsUnique();
            e.HasIndex(s => s.At);
            e.HasIndex(s => new { s.Kind, s.At });
            e.HasIndex(s => new { s.Target, s.At });
        });
        model.Entity<HostKeyRow>(e =>
        {
            e.ToTable("HostKeys");
            e.HasKey(k => k.Name);
        });
    }
}
