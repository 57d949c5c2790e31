using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Storage.Entities.Webhooks;
using EcoDamage.Workflow.Storage.Entities;
using EcoDamage.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>
/// The store's messaging ports on their own (no relay running): an outbox claim writes its deliveries in the same
/// transaction, once per event and subscription however often a row is claimed, and due deliveries are claimed in per-case order.
/// </summary>
public sealed class OutboxDispatcherTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Dispatch_ConcurrentClaimsAndARowClaimedTwice_DeliveriesWrittenOncePerEventAndSubscription(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        var subscriptions = await store.SubscribeAsync(2);
        var events = await store.AddOutboxAsync(("case-a", 4), ("case-b", 3), ("case-c", 3));

        var claims = await Task.WhenAll(store.DispatchAsync(6), store.DispatchAsync(6));
        var rest = await store.DispatchAsync(100);
        var claimed = claims.Append(rest).SelectMany(d => d.Events.Select(e => e.Id)).ToList();
        Assert.Equal(events.Order(), claimed.Order());
        Assert.All(claims.Append(rest), d => Assert.Equal(d.Events.OrderBy(e => e.Id).Select(e => e.Id), d.Events.Select(e => e.Id)));
        Assert.Equal(events.Count * subscriptions, claims.Append(rest).Sum(d => d.DeliveriesCreated));
        Assert.Empty((await store.DispatchAsync(100)).Events);

        // The same row claimed again (as if its first claim had been lost): no second delivery.
        await store.UndispatchAsync(events[0]);
        var again = await store.DispatchAsync(100);
        Assert.Equal([events[0]], again.Events.Select(e => e.Id));
        Assert.Equal(0, again.DeliveriesCreated);
        Assert.Equal(events.Count * subscriptions, await store.DeliveryCountAsync());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ClaimDue_OneDeliveryPerSubscriptionAndCase_OldestEventFirst(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        await store.SubscribeAsync(1);
        var events = await store.AddOutboxAsync(("case-a", 3), ("case-b", 2));
        await store.DispatchAsync(100);

        var firstEvents = new List<Guid>();
        var order = new List<Guid>();
        for (var round = 0; round < 3; round++)
        {
            var due = await store.ClaimDueAsync();
            if (round == 0)
            {
                firstEvents.AddRange(due.Select(d => d.EventId));
            }

            order.AddRange(due.Select(d => d.EventId));
            await store.SucceedAsync(due);
        }

        Assert.Equal([events[0], events[3]], firstEvents); // the head of each case's queue, nothing behind it
        Assert.Equal(events.Order(), order.Order());
        Assert.Equal(events.Take(3), order.Where(id => events.IndexOf(id) < 3)); // case-a in event order
        Assert.Empty(await store.ClaimDueAsync());
    }

    private sealed class Store : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly string? _postgres;
        private readonly string? _file;

        private Store(ServiceProvider services, string? postgres, string? file) => (_services, _postgres, _file) = (services, postgres, file);

        public static async Task<Store> CreateAsync(string provider)
        {
            string? postgres = null, file = null;
            if (provider == "PostgreSql")
            {
                postgres = await HookHosts.CreatePostgresDatabaseAsync();
            }
            else
            {
                file = Path.Combine(Path.GetTempPath(), $"ecodamage-dispatch-{Guid.NewGuid():N}.db");
            }

            var services = new ServiceCollection().AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start)).AddWorkflowStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = postgres is null ? "Sqlite" : "PostgreSql",
                ["Storage:ConnectionString"] = postgres ?? $"Data Source={file};Pooling=False",
            }).Build()).BuildServiceProvider();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IStorageMigrator>().MigrateAsync();
            }

            return new Store(services, postgres, file);
        }

        public async Task<int> SubscribeAsync(int count)
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            for (var i = 0; i < count; i++)
            {
                db.Set<WebhookSubscriptionRow>().Add(new WebhookSubscriptionRow
                {
                    Id = Guid.CreateVersion7(), Url = $"https://example.org/hook/{i}", EventTypes = "*", Secret = "whsec_test", Status = WebhookStatus.Active,
                    CreatedBy = "test", CreatedAt = i, Scope = "{}",
                });
            }

            await db.SaveChangesAsync();
            return count;
        }

        /// <summary>Writes outbox rows, interleaving the cases; returns their ids in id order.</summary>
        public async Task<List<Guid>> AddOutboxAsync(params (string CaseId, int Count)[] cases)
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var ids = new List<Guid>();
            foreach (var (caseId, count) in cases)
            {
                for (var i = 0; i < count; i++)
                {
                    var id = Runtime.Ports.OutboxIds.Next(Start);
                    ids.Add(id);
                    db.Set<OutboxRow>().Add(new OutboxRow { Id = id, CaseId = caseId, Type = "case.deadlineOpened", Name = "case.deadlineOpened", Payload = $$"""{"caseId":"{{caseId}}","n":{{i}}}""", OccurredAt = (Start - DateTimeOffset.UnixEpoch).Ticks });
                }
            }

            await db.SaveChangesAsync();
            return ids;
        }

        public async Task<OutboxDispatch> DispatchAsync(int limit)
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IOutboxDispatcher>().DispatchAsync(limit, new OneEach());
        }

        public async Task UndispatchAsync(Guid id)
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            await db.Set<OutboxRow>().Where(o => o.Id == id).ExecuteUpdateAsync(u => u.SetProperty(o => o.DispatchedAt, (long?)null));
        }

        public async Task<int> DeliveryCountAsync()
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Set<WebhookDeliveryRow>().CountAsync();
        }

        public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync()
        {
            await using var scope = _services.CreateAsyncScope();
            var now = Start.AddMinutes(1);
            return await scope.ServiceProvider.GetRequiredService<IWebhookDeliveryStore>().RecordAndClaimAsync([], now, now.AddMinutes(1), 100);
        }

        public async Task SucceedAsync(IReadOnlyList<DueDelivery> due)
        {
            await using var scope = _services.CreateAsyncScope();
            var at = Start.AddMinutes(1);
            await scope.ServiceProvider.GetRequiredService<IWebhookDeliveryStore>().RecordAndClaimAsync(
                due.Select(d => new DeliveryAttempt(d.Id, d.SubscriptionId, d.Attempts + 1, at, 200, 1, null, true, WebhookStatus.Succeeded, at, null)).ToList(),
                at, at, 0);
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            if (_postgres is not null)
            {
                await HookHosts.DropPostgresDatabaseAsync(_postgres);
            }

            if (_file is not null)
            {
                foreach (var f in Directory.GetFiles(Path.GetDirectoryName(_file)!, Path.GetFileName(_file) + "*"))
                {
                    File.Delete(f);
                }
            }
        }
    }

    /// <summary>One delivery for every subscription, whatever the event.</summary>
    private sealed class OneEach : IOutboxFanOut
    {
        public IReadOnlyList<PlannedDelivery> Plan(OutboxEntry entry, CaseRouting? routing, IReadOnlyList<SubscriptionRoute> subscriptions) =>
            subscriptions.Select(s => new PlannedDelivery(s.Id, "ecodamage.case.deadlineOpened.v1", entry.Payload)).ToList();
    }
}
