using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.DataProtection;

/// <summary>The <c>DataProtectionKeys</c> table: one row per key of the Data Protection key ring (its XML, as the framework writes it).</summary>
internal static class DataProtectionKeyModel
{
    public static void Configure(ModelBuilder model) =>
        model.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("DataProtectionKeys");
            e.HasKey(k => k.Id);
        });
}
