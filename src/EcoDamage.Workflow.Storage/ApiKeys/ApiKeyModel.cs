using EcoDamage.Workflow.Storage.HookSecrets;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.ApiKeys;

/// <summary>The tables of managed credentials (issue 13): API keys, inbound hook secrets and the inbound replay log.</summary>
internal static class ApiKeyModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<ApiKeyRow>(e =>
        {
            e.ToTable("ApiKeys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).HasMaxLength(64);
        });
        model.Entity<HookSecretRow>(e =>
        {
            e.ToTable("HookSecrets");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.System);
        });
        model.Entity<InboundReplayRow>(e =>
        {
            e.ToTable("InboundReplays");
            e.HasKey(r => new { r.System, r.MessageId, r.Timestamp });
            e.HasIndex(r => r.ExpiresAt);
        });
    }
}
