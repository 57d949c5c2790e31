using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>Hosts for the webhook tests (loopback targets allowed, every role of a full claim), subscriptions and outbox reads.</summary>
public static class HookHosts
{
    public static ServerFactory Create(IDictionary<string, string?>? settings = null, bool allowPrivate = true)
    {
        var factory = new ServerFactory();
        factory.Clock.SetUtcNow(CaseServers.Monday);
        if (allowPrivate)
        {
            factory.Settings["Webhooks:AllowPrivateTargets"] = "true";
        }

        factory.Settings["Webhooks:InitialRetryDelay"] = "00:00:05";
        factory.Settings["Webhooks:MaxRetryDelay"] = "00:10:00";
        foreach (var (name, role) in new[] { ("appraiser", "appraisalInstitution"), ("obligor", "obligor"), ("evaluator", "evaluator"), ("rightsHolder", "rightsHolder") })
        {
            factory.Settings[$"Security:ApiKeys:{name}:Key"] = $"test-{name}-key";
            factory.Settings[$"Security:ApiKeys:{name}:System"] = $"{name}-system";
            factory.Settings[$"Security:ApiKeys:{name}:Role"] = role;
            factory.Settings[$"Security:ApiKeys:{name}:Jurisdiction"] = "nantong"; // issue 13: see CaseServers
            factory.Settings[$"Security:ApiKeys:{name}:Party"] = name;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }

        _ = factory.Server;
        return factory;
    }

    /// <summary>A fresh PostgreSQL database on the test server; returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var admin = CaseDatabases.PostgresServer ?? throw new InvalidOperationException($"{CaseDatabases.PostgresVariable} is not set");
        var name = "ecodamage_h_" + Guid.NewGuid().ToString("N");
        await CaseDatabases.AdminAsync(admin, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public static Task DropPostgresDatabaseAsync(string connectionString) => CaseDatabases.DropAllAsync(
        [new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new ArgumentException("no database named", nameof(connectionString))]);

    /// <summary>Creates a subscription through the API; returns (id, secret).</summary>
    public static async Task<(string Id, string Secret)> SubscribeAsync(HttpClient client, string url, params string[] eventTypes)
    {
        using var response = await client.PostAsJsonAsync("/api/webhooks/subscriptions", new { url, eventTypes = eventTypes.Length == 0 ? ["*"] : eventTypes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetString()!, json.GetProperty("secret").GetString()!);
    }

    /// <summary>The outbox ids (event ids) of a case, in id order, as the relay publishes them.</summary>
    public static async Task<List<string>> OutboxIdsAsync(ServerFactory factory, string? caseId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = caseId is null ? """SELECT "Id" FROM "Outbox" ORDER BY "Id" """ : """SELECT "Id" FROM "Outbox" WHERE "CaseId" = @c ORDER BY "Id" """;
        if (caseId is not null)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@c";
            p.Value = caseId;
            command.Parameters.Add(p);
        }

        var ids = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetValue(0).ToString()!.ToLowerInvariant());
        }

        return ids;
    }

    /// <summary>Waits (real time, with the fake clock nudged forward by <paramref name="step"/> each round) until <paramref name="done"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, string what, TimeSpan? timeout = null, ServerFactory? nudge = null, TimeSpan? step = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (!await done())
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            if (nudge is not null)
            {
                nudge.Clock.Advance(step ?? TimeSpan.FromSeconds(1));
            }

            await Task.Delay(50);
        }
    }

    // The signature alone (the test clock decides the timestamp, so the receiver's tolerance is not in question here).
    public static bool Verify(ReceivedHook hook, string secret) =>
        StandardWebhookSignature.TryDecodeSecret(secret, out var key)
        && StandardWebhookSignature.Verify(
            key, hook.Id, hook.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), hook.Signature,
            System.Text.Encoding.UTF8.GetBytes(hook.Body), DateTimeOffset.FromUnixTimeSeconds(hook.Timestamp), TimeSpan.Zero) == SignatureCheck.Valid;
}
