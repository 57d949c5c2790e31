using EcoDamage.Workflow.TestUtils;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcoDamage.Workflow.Samples.Tests.HostApi;

/// <summary>The workflow host on the shipped catalog and a fresh SQLite file, with the sample's inbound-hook system configured.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    public const string InboundSecret = "whsec_jFZiCuOHeawvB4TimaJw9s0cS5nFuOBL7Ufgs/cW29s=";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ecodamage-sample-host", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The host's test settings (API keys, deadlines off) are kept with its tests, linked into this project's output.
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Testing.json"), optional: false)
            .Build()
            .AsEnumerable()
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key, setting => setting.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "ecodamage.db")};Pooling=False",
            ["Documents:Directory"] = Path.Combine(_folder, "documents"),
            ["WorkflowDefinitions:Directory"] = RepositoryPaths.Workflows,
            ["Hooks:Inbound:Systems:lawEnforcement:Secret"] = InboundSecret,
            ["Hooks:Inbound:Systems:lawEnforcement:System"] = "law-enforcement-hooks",
            ["Hooks:Inbound:Systems:lawEnforcement:Role"] = "handlingDepartment",
            ["Hooks:Inbound:Systems:lawEnforcement:Department"] = "ecologyBureau", // issue 13: the system acts for its department
            ["Hooks:Inbound:Systems:lawEnforcement:Jurisdiction"] = "nantong", // and jurisdiction (R4)
        })
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
