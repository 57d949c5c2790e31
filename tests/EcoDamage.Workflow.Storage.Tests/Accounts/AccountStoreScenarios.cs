using EcoDamage.Workflow.Runtime.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Storage.Tests.Accounts;

/// <summary>The identity stores (issue 13) against a real database; each provider's class runs every scenario.</summary>
public abstract class AccountStoreScenarios(StorageProvider provider)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static Account NewAccount(string name) =>
        new(name, "张伟", "handlingDepartment", "ecologyBureau", "nantong", null, "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")
        {
            CreatedAt = At,
            ChangedAt = At,
            SecurityStamp = "stamp-1",
            Version = 1,
            MustChangePassword = true,
        };

    protected async Task Accounts_AddFindUpdate_WithOptimisticConcurrency()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var account = NewAccount("zhang.wei");

        Assert.True(await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().AddAsync(account)));
        Assert.False(await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().AddAsync(account with { DisplayName = "again" })));
        var found = await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().FindAsync("zhang.wei"));
        Assert.Equal(account, found);

        var locked = found! with { FailedCount = 0, LockedUntil = At.AddMinutes(15), SecurityStamp = "stamp-2" };
        Assert.True(await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().UpdateAsync(locked)));
        Assert.False(await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().UpdateAsync(locked with { Disabled = true }))); // stale version
        var stored = await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().FindAsync("zhang.wei"));
        Assert.Equal(locked with { Version = 2 }, stored);
        Assert.False(stored!.Disabled);
        Assert.False(await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().UpdateAsync(NewAccount("nobody"))));

        await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().AddAsync(NewAccount("an.other")));
        var page = await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().ListAsync(1, 1));
        Assert.Equal("an.other", Assert.Single(page).UserName);
        Assert.True(await db.InScopeAsync(s => s.GetRequiredService<IAccountStore>().AnyAsync()));
    }

    protected async Task SecurityEvents_ListNewestFirst_PagedAndByKind()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        for (var i = 0; i < 5; i++)
        {
            var kind = i % 2 == 0 ? SecurityEventKinds.SignInFailed : SecurityEventKinds.SignInSucceeded;
            await db.InScopeAsync(async s =>
            {
                await s.GetRequiredService<ISecurityEventLog>().RecordAsync(new SecurityEvent(Guid.NewGuid(), At.AddSeconds(i), kind, "zhang.wei", "zhang.wei", $"#{i}", "127.0.0.1"));
                return 0;
            });
        }

        var first = await db.InScopeAsync(s => s.GetRequiredService<ISecurityEventLog>().ListAsync(1, 2));
        Assert.Equal(["#4", "#3"], first.Select(e => e.Detail));
        var failed = await db.InScopeAsync(s => s.GetRequiredService<ISecurityEventLog>().ListAsync(1, 10, SecurityEventKinds.SignInFailed));
        Assert.Equal(["#4", "#2", "#0"], failed.Select(e => e.Detail));
        Assert.Equal(At.AddSeconds(4), first[0].At);
    }

    protected async Task HostKeys_FirstWriterWins_OnEveryNode()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var second = db.SecondNode();

        var kept = await db.InScopeAsync(s => s.GetRequiredService<IHostKeyStore>().GetOrAddAsync("jwt-signing-key", "first", At));
        var other = await second.InScopeAsync(s => s.GetRequiredService<IHostKeyStore>().GetOrAddAsync("jwt-signing-key", "second", At));

        Assert.Equal("first", kept);
        Assert.Equal("first", other);
    }
}
