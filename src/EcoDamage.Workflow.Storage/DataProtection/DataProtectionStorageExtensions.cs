using Microsoft.AspNetCore.DataProtection;

namespace EcoDamage.Workflow.Storage.DataProtection;

/// <summary>Keeps the ASP.NET Core Data Protection key ring in the workflow store.</summary>
public static class DataProtectionStorageExtensions
{
    /// <summary>
    /// Persists the key ring in the store's <c>DataProtectionKeys</c> table (SQLite or PostgreSQL, whichever
    /// <c>AddWorkflowStorage</c> registered), so every node of a deployment reads and writes the same keys and a
    /// secret protected on one node is read back on another, and after a restart.
    /// </summary>
    /// <param name="builder">The Data Protection builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// The keys are as secret as the data they protect: whoever reads this table (or a backup of it) can decrypt the
    /// stored webhook and hook secrets. Encrypt them at rest with <c>ProtectKeysWithCertificate</c> where the
    /// deployment has a certificate store.
    /// </remarks>
    public static IDataProtectionBuilder PersistKeysToWorkflowStorage(this IDataProtectionBuilder builder) =>
        builder.PersistKeysToDbContext<WorkflowDbContext>();
}
