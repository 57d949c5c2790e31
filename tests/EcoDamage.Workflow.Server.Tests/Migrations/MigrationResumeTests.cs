using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Migrations;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Server.Tests.Migrations;

/// <summary>A migration left running by a stopped host is resumed by the next host on the same store, without being executed again.</summary>
public sealed class MigrationResumeTests
{
    [Fact]
    public async Task Start_MigrationLeftRunning_IsResumedAndCompletedByTheNextHost()
    {
        var catalog = ClaimVersions.CreateFolder();
        try
        {
            var keep = Path.Combine(Path.GetTempPath(), "ecodamage-migration-resume", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(keep);
            var database = $"Data Source={Path.Combine(keep, "ecodamage.db")};Pooling=False";
            var first = new ServerFactory { WorkflowsDirectory = catalog };
            first.Settings["Storage:ConnectionString"] = database;
            first.Clock.SetUtcNow(CaseServers.Monday);
            var api = new CaseClient(first);
            var clue = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
            var scope = first.Services.CreateAsyncScope();
            var plan = new Engine.Migration.MigrationPlan("claim", new(2, 0, 0), new(2, 1, 0), new Dictionary<string, string> { ["ClueScreening"] = "ClueIntake" }, Engine.Migration.DeadlinePolicy.Recompute);
            var created = (await scope.ServiceProvider.GetRequiredService<MigrationService>().CreateAsync(plan, "admin")).Migration!;
            var migrationId = created.Id;
            // As a host stopping right after the execute request stored it: Running, nothing visited, nobody queued.
            await scope.ServiceProvider.GetRequiredService<IMigrationStore>().UpdateAsync(created with { Status = MigrationStatus.Running, StartedBy = "admin" });
            await scope.DisposeAsync();
            Assert.Equal("2.0.0", (await api.GetAsync(clue)).GetProperty("definition").GetProperty("version").GetString());
            await first.DisposeAsync();

            using var second = new ServerFactory { WorkflowsDirectory = catalog };
            second.Clock.SetUtcNow(CaseServers.Monday);
            second.Settings["Storage:ConnectionString"] = database;
            var admin = new CaseClient(second).As("dev-administrator-key");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            JsonElement view;
            do
            {
                await Task.Delay(20, timeout.Token);
                view = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/migrations/{migrationId}", timeout.Token);
            }
            while (view.GetProperty("status").GetString() != "completed");

            Assert.Equal(1, view.GetProperty("progress").GetProperty("migrated").GetInt64());
            var migrated = await new CaseClient(second).GetAsync(clue);
            Assert.Equal("2.1.0", migrated.GetProperty("definition").GetProperty("version").GetString());
            Assert.Equal(["ClueIntake"], migrated.GetProperty("states").EnumerateArray().Select(s => s.GetString()));
            await second.DisposeAsync();
            Directory.Delete(keep, recursive: true);
        }
        finally
        {
            Directory.Delete(catalog, recursive: true);
        }
    }
}
