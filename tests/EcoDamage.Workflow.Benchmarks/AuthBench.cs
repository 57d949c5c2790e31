using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.TestUtils;
using static EcoDamage.Workflow.Benchmarks.BenchArgs;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// <c>--auth [--requests N] [--concurrency C] [--server DLL]</c>: the cost of the checks. Requests per second of an
/// authorised <c>GET /api/cases/{id}</c> with an API key, with a bearer token from <c>POST /api/auth/token</c> and with
/// the console's session cookie, against an unauthenticated <c>GET /health/live</c>, all against the same real host
/// (Kestrel, SQLite, Release build) in one run, in rounds so that each mode sees the same machine. Also the time of one
/// sign-in with the default Argon2id parameters.
/// </summary>
internal static class AuthBench
{
    private const string Key = "bench-auth-key-0123456789";
    private const string Admin = "bench.admin";
    private const string AdminFirst = "Bench-Bootstrap-Pa55";
    private const string AdminPassword = "Bench-Admin-Pa55-final";
    private const string Person = "bench.handler";
    private const string PersonPassword = "Bench-Handler-Pa55-final";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = IntArg(args, "--requests", 4000);
        var concurrency = IntArg(args, "--concurrency", 4);
        var rounds = IntArg(args, "--rounds", 3);
        var server = Arg(args, "--server") is { } given
            ? Path.GetFullPath(given)
            : Path.Combine(RepositoryPaths.Root, "src", "EcoDamage.Workflow.Server", "bin", "Release", "net10.0", "EcoDamage.Workflow.Server.dll");
        if (!File.Exists(server))
        {
            Console.Error.WriteLine($"build (Release) the server first: {server}");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("ecodamage-auth-bench-").FullName;
        // HostRun passes ECODAMAGE_BENCH_HOST_<NAME> to the host as <NAME>, after its own settings.
        Environment.SetEnvironmentVariable("ECODAMAGE_BENCH_HOST_Security__ApiKeys__bench__Role", "handlingDepartment");
        Environment.SetEnvironmentVariable("ECODAMAGE_BENCH_HOST_Security__ApiKeys__bench__Department", "ecologyBureau");
        Environment.SetEnvironmentVariable("ECODAMAGE_BENCH_HOST_Security__ApiKeys__bench__Jurisdiction", "nantong");
        // The rate limits would refuse a benchmark's request rate (and its sign-ins); their own cost is not what is measured.
        Environment.SetEnvironmentVariable("ECODAMAGE_BENCH_HOST_Security__RateLimits__PerCallerPerMinute", "0");
        Environment.SetEnvironmentVariable("ECODAMAGE_BENCH_HOST_Security__RateLimits__AnonymousPerMinute", "0");
        Environment.SetEnvironmentVariable("ECODAMAGE_BENCH_HOST_Security__RateLimits__SignInPerMinute", "0");
        Environment.SetEnvironmentVariable("ECODAMAGE_BENCH_HOST_Security__Accounts__BootstrapAdministrator__UserName", Admin);
        Environment.SetEnvironmentVariable("ECODAMAGE_BENCH_HOST_Security__Accounts__BootstrapAdministrator__Password", AdminFirst);
        var host = await HostRun.StartAsync(server, Path.Combine(folder, "auth.db"), folder, Key, "Memory", null);
        try
        {
            Console.WriteLine($"auth benchmark: {requests:N0} requests per mode and round, {concurrency} at a time, {rounds} rounds; {Environment.ProcessorCount} cores; host {server}");
            using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
            var signIn = await SignInTimesAsync(anonymous);
            var token = await PrepareAccountsAsync(anonymous);
            var caseId = await RegisterClueAsync(host.BaseAddress);
            var path = $"/api/cases/{caseId}";

            using var keyClient = new HttpClient { BaseAddress = host.BaseAddress };
            keyClient.DefaultRequestHeaders.Add("X-Api-Key", Key);
            using var bearerClient = new HttpClient { BaseAddress = host.BaseAddress };
            bearerClient.DefaultRequestHeaders.Authorization = new("Bearer", token);
            using var cookieHandler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var cookieClient = new HttpClient(cookieHandler) { BaseAddress = host.BaseAddress };
            using (var login = await cookieClient.PostAsJsonAsync("/api/auth/login", new { userName = Person, password = PersonPassword }))
            {
                login.EnsureSuccessStatusCode();
            }

            var modes = new (string Name, HttpClient Client, string Path)[]
            {
                ("health (anonymous)", anonymous, "/health/live"),
                ("API key", keyClient, path),
                ("bearer token", bearerClient, path),
                ("cookie session", cookieClient, path),
            };
            foreach (var (_, client, p) in modes)
            {
                await RunAsync(client, p, 300, concurrency); // warm-up: JIT, pools, caches
            }

            var best = modes.ToDictionary(m => m.Name, _ => 0.0);
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var (name, client, p) in modes)
                {
                    var rate = await RunAsync(client, p, requests, concurrency);
                    best[name] = Math.Max(best[name], rate);
                    Console.WriteLine(FormattableString.Invariant($"round {round}: {name,-20} {rate,8:F0} req/s"));
                }
            }

            var health = best[modes[0].Name];
            Console.WriteLine();
            Console.WriteLine("| request | best req/s | vs health |");
            Console.WriteLine("| --- | ---: | ---: |");
            foreach (var (name, _, p) in modes)
            {
                Console.WriteLine(FormattableString.Invariant($"| {name}: GET {(p.StartsWith("/api/cases/", StringComparison.Ordinal) ? "/api/cases/{id}" : p)} | {best[name]:F0} | {best[name] / health:P0} |"));
            }

            Console.WriteLine(FormattableString.Invariant($"sign-in (POST /api/auth/token, Argon2id defaults m=19456 KiB, t=2, p=1): median {signIn[signIn.Length / 2]:F0} ms, min {signIn[0]:F0} ms over {signIn.Length}"));
            return 0;
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> RunAsync(HttpClient client, string path, int requests, int concurrency)
    {
        var next = -1;
        var failures = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                using var response = await client.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {requests} requests to {path} failed");
        }

        return requests / sw.Elapsed.TotalSeconds;
    }

    /// <summary>Sign-in times of the bootstrap administrator (before its password change), in ms, sorted.</summary>
    private static async Task<double[]> SignInTimesAsync(HttpClient anonymous)
    {
        var times = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = Admin, password = AdminFirst });
            response.EnsureSuccessStatusCode();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        return [.. times.Order()];
    }

    /// <summary>Changes the administrator's password, creates the handler's account, changes its password; its token.</summary>
    private static async Task<string> PrepareAccountsAsync(HttpClient anonymous)
    {
        var first = await TokenAsync(anonymous, Admin, AdminFirst);
        await ChangePasswordAsync(anonymous, first, AdminFirst, AdminPassword);
        var admin = await TokenAsync(anonymous, Admin, AdminPassword);
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users"))
        {
            create.Headers.Authorization = new("Bearer", admin);
            create.Content = JsonContent.Create(new { userName = Person, role = "handlingDepartment", department = "ecologyBureau", jurisdiction = "nantong", password = AdminFirst + "-x" });
            using var response = await anonymous.SendAsync(create);
            response.EnsureSuccessStatusCode();
        }

        var initial = await TokenAsync(anonymous, Person, AdminFirst + "-x");
        await ChangePasswordAsync(anonymous, initial, AdminFirst + "-x", PersonPassword);
        return await TokenAsync(anonymous, Person, PersonPassword);
    }

    private static async Task<string> TokenAsync(HttpClient anonymous, string userName, string password)
    {
        using var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task ChangePasswordAsync(HttpClient anonymous, string token, string current, string next)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password");
        request.Headers.Authorization = new("Bearer", token);
        request.Content = JsonContent.Create(new { currentPassword = current, newPassword = next });
        using var response = await anonymous.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<string> RegisterClueAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        using var response = await client.PostAsJsonAsync("/api/clues", new { channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = "chongchuan", description = "基准测试" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
