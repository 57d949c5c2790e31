using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// Inbound hooks against a running host (<c>--inbound [--host URL] [--requests N]</c>): registers N clues through
/// <c>POST /api/clues</c> with the API key (the baseline) and N through the signed <c>POST /api/hooks/{system}/clues</c>,
/// interleaved after a warm-up, one at a time over loopback, and prints each path's p50/p99/mean latency and
/// throughput and the ratio hook/API. Both take the same command path, so the difference is reading and verifying
/// the signed body. Uses the development key and secret of <c>lawEnforcement</c> (appsettings.Development.json).
/// </summary>
internal static class InboundHookBench
{
    private const string ApiKey = "dev-law-enforcement-key";
    private const string Secret = "whsec_3eGE2ON80BJpoY8qJKzdfFmUAcaLs8EhIkvTrN/t9Us=";

    public static async Task<int> RunAsync(string[] args)
    {
        var host = BenchArgs.Arg(args, "--host") ?? "http://127.0.0.1:5080";
        var requests = BenchArgs.IntArg(args, "--requests", 300);
        using var http = new HttpClient { BaseAddress = new Uri(host) };
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var run = Guid.NewGuid().ToString("N")[..8];

        for (var i = 0; i < 30; i++)
        {
            await ViaApiAsync(http, $"{run}-warm-api-{i}");
            await ViaHookAsync(http, key, $"{run}-warm-hook-{i}");
        }

        var api = new List<double>(requests);
        var hook = new List<double>(requests);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            api.Add(await ViaApiAsync(http, $"{run}-api-{i}"));
            hook.Add(await ViaHookAsync(http, key, $"{run}-hook-{i}"));
        }

        total.Stop();
        Console.WriteLine(FormattableString.Invariant($"Inbound hooks vs API keys: {requests} clue registrations each, sequential, against {host}"));
        Print("POST /api/clues (X-Api-Key)", api);
        Print("POST /api/hooks/lawEnforcement/clues (signed)", hook);
        Console.WriteLine(FormattableString.Invariant($"ratio hook/API: mean {hook.Average() / api.Average():0.00}x, p50 {Percentile(hook, 0.5) / Percentile(api, 0.5):0.00}x"));
        return 0;
    }

    private static async Task<double> ViaApiAsync(HttpClient http, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clues") { Content = Body(reference) };
        request.Headers.Add("X-Api-Key", ApiKey);
        return await TimeAsync(http, request);
    }

    private static async Task<double> ViaHookAsync(HttpClient http, byte[] key, string reference)
    {
        var body = Encoding.UTF8.GetBytes(Json(reference));
        var id = "msg_" + reference;
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        // The host signs method, path, Idempotency-Key (none here) and body (docs/security.md).
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}.POST /api/hooks/lawEnforcement/clues\n\n"), .. body]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/hooks/lawEnforcement/clues") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        return await TimeAsync(http, request);
    }

    private static async Task<double> TimeAsync(HttpClient http, HttpRequestMessage request)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"{request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return elapsed;
    }

    private static StringContent Body(string reference) => new(Json(reference), Encoding.UTF8, "application/json");

    private static string Json(string reference) => JsonSerializer.Serialize(new
    {
        channel = "suddenIncident",
        domain = "environmentalPollution",
        jurisdiction = "chongchuan",
        description = "化工企业偷排废水致河道污染",
        sourceReference = reference,
    });

    private static void Print(string name, List<double> ms) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{name,-48} p50 {Percentile(ms, 0.5),6:0.00} ms  p99 {Percentile(ms, 0.99),6:0.00} ms  mean {ms.Average(),6:0.00} ms  {1000 / ms.Average(),6:0} req/s"));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
