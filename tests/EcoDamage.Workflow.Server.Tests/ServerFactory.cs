using EcoDamage.Workflow.TestUtils;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcoDamage.Workflow.Server.Tests;

/// <summary>The host on the shipped <c>workflows/</c> catalog with a fake clock.</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    /// <summary>2025-06-15 16:30 UTC, already 2025-06-16 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 15, 16, 30, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public string WorkflowsDirectory { get; init; } = RepositoryPaths.Workflows;

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Whether <see cref="Clock"/> replaces the host's clock (false: the host's own, e.g. the sandbox's virtual clock).</summary>
    public bool FakeClock { get; init; } = true;

    /// <summary>A folder of its own for the default SQLite file and document content, deleted with the factory.</summary>
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "ecodamage-server-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = TestingSettings();
        settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(DataFolder, "ecodamage.db")};Pooling=False";
        settings["Documents:Directory"] = Path.Combine(DataFolder, "documents");
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        settings["WorkflowDefinitions:Directory"] = WorkflowsDirectory;

        // Host settings are visible to Program.cs before Build() (storage is registered from them).
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        if (FakeClock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>
    /// The host's settings for tests (API keys, deadlines off), from this project's <c>appsettings.Testing.json</c>:
    /// test settings are not shipped with the host, so its content root has no such file.
    /// </summary>
    public static Dictionary<string, string?> TestingSettings() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Testing.json"), optional: false)
            .Build()
            .AsEnumerable()
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key, setting => setting.Value, StringComparer.OrdinalIgnoreCase);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
