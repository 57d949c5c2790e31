using System.Diagnostics;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Hardening;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EcoDamage.Workflow.Server.Tests.Fuzz;

/// <summary>
/// Issue 13, "Tests that must exist": every endpoint of the host (read from its <see cref="EndpointDataSource"/>, so a
/// new endpoint is fuzzed without an entry here) with malformed, oversized and hostile input, anonymous and with the
/// keys of several roles: never a 5xx, ProblemDetails on every 4xx, and a refused request changes no row, no case
/// version and leaves no file in the documents folder. Seeded; bounded by a request count and a time budget.
/// </summary>
public sealed class EndpointFuzzTests(CaseServers servers, ITestOutputHelper output) : IClassFixture<CaseServers>
{
    private const int Seed = 20_261_313;
    private const int MaxRequests = 2_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);
    private static readonly string?[] Keys = [null, CaseClient.LawEnforcement, CaseClient.Procuratorate, CaseClient.Obligor, TestKeys.Administrator, "not-a-key"];

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task EveryEndpoint_HostileInput_NoServerErrorProblemDetailsAndNothingStoredOnRefusal(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var caseId = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Where(m => m != "HEAD" && m != "OPTIONS").Select(m => (Endpoint: e, Method: m)))
            .OrderBy(e => e.Endpoint.RoutePattern.RawText, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
        var clients = Keys.Select(api.As).ToList();
        var requests = new FuzzRequests(Seed, caseId);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var tried = 0;
        var round = 0;
        while (tried < MaxRequests && clock.Elapsed < Budget && failures.Count < 10)
        {
            foreach (var (endpoint, method) in endpoints)
            {
                if (tried >= MaxRequests || clock.Elapsed >= Budget)
                {
                    break;
                }

                var client = clients[(tried + round) % clients.Count];
                using var request = requests.Next(endpoint, method);
                var description = $"{method} {Shorten(request.RequestUri!.ToString())} as {Keys[(tried + round) % clients.Count] ?? "anonymous"}";
                var before = method == "GET" ? null : await StoreSnapshot.TakeAsync(factory);
                using var response = await client.SendAsync(request);
                tried++;
                covered.Add($"{method} {endpoint.RoutePattern.RawText}");
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    failures.Add($"{status} for {description}: {Shorten(await response.Content.ReadAsStringAsync())}");
                }
                else if (status >= 400)
                {
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{status} without ProblemDetails ({response.Content.Headers.ContentType}) for {description}");
                    }

                    if (before is not null && await StoreSnapshot.TakeAsync(factory) is var after && after != before)
                    {
                        failures.Add($"{status} changed the store for {description}: {before} -> {after}");
                    }
                }
            }

            round++;
        }

        output.WriteLine($"{provider}: {tried} requests over {endpoints.Count} endpoints ({covered.Count} covered) in {clock.Elapsed.TotalSeconds:F1} s; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(endpoints.Count, covered.Count);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"…({text.Length} chars)";
}
