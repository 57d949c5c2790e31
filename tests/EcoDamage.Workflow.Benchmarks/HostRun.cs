using System.Diagnostics;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>The real host (<c>EcoDamage.Workflow.Server.dll</c>) in a child process on the benchmark's SQLite file.</summary>
internal sealed class HostRun(Process process, Uri baseAddress, double readyMs)
{
    public Uri BaseAddress => baseAddress;

    public double ReadyMs => readyMs;

    private const string HostPrefix = "ECODAMAGE_BENCH_HOST_";

    public static async Task<HostRun> StartAsync(string serverDll, string db, string folder, string key, string jobStore, string? batchSize)
    {
        var port = 5190 + Random.Shared.Next(0, 500);
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        // A framework-dependent build is started as "dotnet <dll>"; a self-contained one by its own executable.
        var start = serverDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet", [serverDll])
            : new ProcessStartInfo(serverDll);
        start.WorkingDirectory = Path.GetDirectoryName(serverDll)!;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Urls"] = baseAddress.ToString();
        env["Storage__ConnectionString"] = $"Data Source={db}";
        env["WorkflowDefinitions__Directory"] = TestUtils.RepositoryPaths.Workflows;
        env["Documents__Directory"] = Path.Combine(folder, "documents");
        env["Deadlines__SweepInterval"] = "00:00:00.200";
        env["Deadlines__JobStore"] = jobStore;
        if (batchSize is not null)
        {
            // Otherwise the host's own default (Deadlines:BatchSize 500).
            env["Deadlines__BatchSize"] = batchSize;
        }

        env["Deadlines__MaxSweepDuration"] = "00:01:00";
        env["Security__ApiKeys__bench__Key"] = key;
        env["Security__ApiKeys__bench__System"] = "bench";
        env["Security__ApiKeys__bench__Role"] = "procuratorate";
        env["Logging__LogLevel__Default"] = "Warning";
        // ECODAMAGE_BENCH_HOST_<NAME>=value reaches the host alone as <NAME>=value (a runtime knob or a diagnostic to try).
        foreach (var (name, value) in env.Where(e => e.Key.StartsWith(HostPrefix, StringComparison.Ordinal)).ToArray())
        {
            env[name[HostPrefix.Length..]] = value;
        }

        if (Environment.GetEnvironmentVariable("ECODAMAGE_BENCH_HOST_LOG") is "1")
        {
            env["Logging__LogLevel__EcoDamage.Workflow.Scheduling"] = "Information";
            env["Logging__Console__FormatterName"] = "simple";
            env["Logging__Console__FormatterOptions__SingleLine"] = "true";
        }

        var sw = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (Environment.GetEnvironmentVariable("ECODAMAGE_BENCH_HOST_LOG") is "1" && e.Data is not null)
            {
                Console.WriteLine(FormattableString.Invariant($"host {sw.Elapsed.TotalSeconds:F2}s: {e.Data}"));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("host: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (sw.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return new HostRun(process, baseAddress, sw.Elapsed.TotalMilliseconds);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(10);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the host did not become ready within 60 s");
    }

    public double WorkingSetMb()
    {
        process.Refresh();
        return process.WorkingSet64 / 1048576.0;
    }

    /// <summary>The host's CPU time so far (user and system, all threads).</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public double PeakWorkingSetMb()
    {
        process.Refresh();
        return process.PeakWorkingSet64 / 1048576.0;
    }

    public async Task StopAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
