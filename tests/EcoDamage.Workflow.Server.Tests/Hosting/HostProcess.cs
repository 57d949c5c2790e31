using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Server.Tests.Hosting;

/// <summary>
/// The built host started as a process (<c>dotnet EcoDamage.Workflow.Server.dll</c>), the way a person runs it, with
/// the shipped <c>appsettings.json</c> as content root, a data folder of its own and the shipped catalog.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    private HostProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the host wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host with <paramref name="arguments"/> and <paramref name="environment"/> on top of the test defaults.</summary>
    public static HostProcess Start(IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("ecodamage-host-process-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcoDamage.Workflow.Server.dll"));
        start.ArgumentList.Add($"--contentRoot={AppContext.BaseDirectory}");
        start.ArgumentList.Add($"--WorkflowDefinitions:Directory={RepositoryPaths.Workflows}");
        start.ArgumentList.Add($"--Documents:Directory={Path.Combine(folder, "documents")}");
        start.ArgumentList.Add("--Deadlines:Enabled=false");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // What the test runner's environment may carry must not decide the host's environment or address.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Storage__ConnectionString", "Storage__Provider" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "ecodamage.db")}";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), folder);
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits for the process to exit by itself.</summary>
    /// <returns>Its exit code.</returns>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200 or the process exits.</summary>
    /// <returns>Whether it answered 200 within <paramref name="timeout"/>.</returns>
    public async Task<bool> AnswersAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy to answer (the machine runs other builds).
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
