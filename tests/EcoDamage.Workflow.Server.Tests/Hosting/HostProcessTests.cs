namespace EcoDamage.Workflow.Server.Tests.Hosting;

/// <summary>The host as a person starts it: the address they give is the one it listens on, and a wrong setting is one line.</summary>
public sealed class HostProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Start_UrlsArgument_ListensThere()
    {
        var port = HostProcess.FreePort();
        await using var host = HostProcess.Start([$"--urls=http://127.0.0.1:{port}"]);

        Assert.True(await host.AnswersAsync(new Uri($"http://127.0.0.1:{port}/health/live"), StartTimeout), host.Output);
    }

    [Fact]
    public async Task Start_AspNetCoreUrlsVariable_ListensThereAndSaysWhatItUses()
    {
        var port = HostProcess.FreePort();
        await using var host = HostProcess.Start([], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.True(await host.AnswersAsync(new Uri($"http://127.0.0.1:{port}/health/live"), StartTimeout), host.Output);
        var output = host.Output;
        Assert.Contains($"Now listening on: http://127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.Contains("Storage: Sqlite ", output, StringComparison.Ordinal);
        Assert.Contains("Workflow catalog loaded from ", output, StringComparison.Ordinal);
        // A clean start says what a person needs, not the scheduler's and the bus's set-up, and no failure.
        Assert.DoesNotContain("Quartz", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MassTransit", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnusableConnectionString_ExitsWithOneLineNamingTheSetting()
    {
        // A file where the SQLite database's folder should be: the database can be neither created nor opened.
        var file = Path.GetTempFileName();
        try
        {
            await using var host = HostProcess.Start([], new Dictionary<string, string> { ["Storage__ConnectionString"] = $"Data Source={file}/x.db" });

            var exitCode = await host.ExitCodeAsync(StartTimeout);

            AssertOneLineFailure(exitCode, host.Output, "Storage:ConnectionString");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Start_UnknownProvider_ExitsWithOneLineNamingTheSetting()
    {
        await using var host = HostProcess.Start(["--Storage:Provider=Nope"]);

        var exitCode = await host.ExitCodeAsync(StartTimeout);

        AssertOneLineFailure(exitCode, host.Output, "Storage:Provider");
    }

    private static void AssertOneLineFailure(int exitCode, string output, string setting)
    {
        Assert.NotEqual(0, exitCode);
        var failures = output.Split('\n').Where(line => line.StartsWith("Start-up failed: ", StringComparison.Ordinal)).ToList();
        var failure = Assert.Single(failures);
        Assert.Contains(setting, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
    }
}
