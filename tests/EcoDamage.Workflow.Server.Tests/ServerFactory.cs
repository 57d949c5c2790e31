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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
            new Dictionary<string, string?>(Settings) { ["WorkflowDefinitions:Directory"] = WorkflowsDirectory }));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
