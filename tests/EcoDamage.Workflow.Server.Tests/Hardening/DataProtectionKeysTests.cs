using EcoDamage.Workflow.Runtime.Security;
using EcoDamage.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>The Data Protection key ring lives in the store, so a secret protected by one node is read by another.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task Protect_KeyRingInTheStore_AnotherNodeOnTheSameStoreUnprotects()
    {
        using var first = new ServerFactory();
        _ = first.Server;
        var protectedSecret = first.Services.GetRequiredService<ISecretProtector>().Protect("whsec_test-secret");
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            Assert.True(await db.DataProtectionKeys.AnyAsync());
            Assert.All(await db.DataProtectionKeys.ToListAsync(), k => Assert.DoesNotContain("whsec_test-secret", k.Xml ?? string.Empty, StringComparison.Ordinal));
        }

        using var second = new ServerFactory();
        second.Settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(first.DataFolder, "ecodamage.db")};Pooling=False";

        Assert.Equal("whsec_test-secret", second.Services.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret));
        Assert.NotEqual("whsec_test-secret", protectedSecret);
    }
}
