using EmbeddingSample;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcoDamage.Workflow.Samples.Tests;

/// <summary>The sample on Kestrel at a free loopback port, with its own received-events file and a fake clock.</summary>
public sealed class SampleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the sample; <paramref name="settings"/> are passed as command-line settings (<c>--Sample:X=value</c>).</summary>
    public static async Task<SampleServer> StartAsync(TimeProvider clock, IDictionary<string, string> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Sample:Subscribe=false" };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var app = SampleApp.Build([.. args], builder =>
        {
            builder.Services.AddSingleton(clock);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new SampleServer(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A fresh folder for a test's files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ecodamage-sample-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>A clock for the tests: 2026-03-02 10:00 in Asia/Shanghai.</summary>
public static class TestClock
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
}
