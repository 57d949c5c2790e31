using EcoDamage.Workflow.Storage;
using EcoDamage.Workflow.Storage.Entities.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>A host (webhook settings) on a fresh database of <c>provider</c>, with keys for a district department, another department, the administrator and rights holders of the city and of a district.</summary>
public sealed class ScopedHost : IAsyncDisposable
{
    public const string HaimenEcology = "test-haimen-ecology-key";
    public const string NaturalResources = "test-natural-resources-key";
    public const string Admin = "test-admin-key";
    public const string CityRightsHolder = "test-city-rights-holder-key";
    public const string HaimenRightsHolder = "test-haimen-rights-holder-key";
    public const string InformationOfficer = "test-information-officer-key";

    private string? _database;

    public required ServerFactory Factory { get; init; }

    public static async Task<ScopedHost> StartAsync(string provider)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Security:ApiKeys:haimenEcology:Key"] = HaimenEcology,
            ["Security:ApiKeys:haimenEcology:System"] = "haimen-ecology-system",
            ["Security:ApiKeys:haimenEcology:Role"] = "handlingDepartment",
            ["Security:ApiKeys:haimenEcology:Department"] = "ecologyBureau",
            ["Security:ApiKeys:haimenEcology:Jurisdiction"] = "haimen",
            ["Security:ApiKeys:naturalResources:Key"] = NaturalResources,
            ["Security:ApiKeys:naturalResources:System"] = "natural-resources-system",
            ["Security:ApiKeys:naturalResources:Role"] = "handlingDepartment",
            ["Security:ApiKeys:naturalResources:Department"] = "naturalResourcesBureau",
            ["Security:ApiKeys:naturalResources:Jurisdiction"] = "nantong",
            ["Security:ApiKeys:admin:Key"] = Admin,
            ["Security:ApiKeys:admin:System"] = "admin-console",
            ["Security:ApiKeys:admin:Role"] = "administrator",
            ["Security:ApiKeys:cityRightsHolder:Key"] = CityRightsHolder,
            ["Security:ApiKeys:cityRightsHolder:System"] = "city-government",
            ["Security:ApiKeys:cityRightsHolder:Role"] = "rightsHolder",
            ["Security:ApiKeys:cityRightsHolder:Jurisdiction"] = "nantong",
            ["Security:ApiKeys:haimenRightsHolder:Key"] = HaimenRightsHolder,
            ["Security:ApiKeys:haimenRightsHolder:System"] = "haimen-government",
            ["Security:ApiKeys:haimenRightsHolder:Role"] = "rightsHolder",
            ["Security:ApiKeys:haimenRightsHolder:Jurisdiction"] = "haimen",
            ["Security:ApiKeys:informationOfficer:Key"] = InformationOfficer,
            ["Security:ApiKeys:informationOfficer:System"] = "information-office",
            ["Security:ApiKeys:informationOfficer:Role"] = "publicInformationOfficer",
            ["Security:ApiKeys:informationOfficer:Jurisdiction"] = "nantong",
        };
        string? database = null;
        if (provider == "PostgreSql")
        {
            database = await HookHosts.CreatePostgresDatabaseAsync();
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:ConnectionString"] = database;
        }

        return new ScopedHost { Factory = HookHosts.Create(settings), _database = database };
    }

    public async Task<int> CountAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Set<WebhookSubscriptionRow>().CountAsync();
    }

    public async Task<string> SecretAsync(Guid id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Set<WebhookSubscriptionRow>().AsNoTracking().SingleAsync(r => r.Id == id)).Secret;
    }

    public async Task AddPlainAsync(Guid id, string secret)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        db.Set<WebhookSubscriptionRow>().Add(new WebhookSubscriptionRow
        {
            Id = id, Url = "http://127.0.0.1:9/legacy", EventTypes = "none.such", Secret = secret, Status = "Paused", CreatedBy = "legacy",
        });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await HookHosts.DropPostgresDatabaseAsync(_database);
        }
    }
}
