using System.Net.Http.Json;
using EcoDamage.Workflow.Server.Tests.Fuzz;
using EcoDamage.Workflow.Server.Tests.Hardening;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Server.Tests.Sandbox;

/// <summary>
/// The endpoint fuzz of issue 13 runs on a host with the system clock, where <c>POST /api/sandbox/clock</c> does not
/// exist: the same seeded hostile requests here, on a sandbox host. Never a 5xx; every 4xx is ProblemDetails and moves
/// nothing (neither the store nor the clock).
/// </summary>
public sealed class SandboxFuzzTests
{
    private static readonly string?[] Keys = [null, SandboxHost.Administrator, Cases.CaseClient.LawEnforcement, "not-a-key"];

    [Fact]
    public async Task MoveClock_HostileInput_NoServerErrorProblemDetailsNothingMoved()
    {
        await using var host = await SandboxHost.StartAsync("Sqlite");
        var endpoint = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/api/sandbox/clock" && e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains("POST"));
        var requests = new FuzzRequests(20_261_414, "0");
        var clients = Keys.Select(host.Api.As).ToList();
        var failures = new List<string>();
        for (var i = 0; i < 300 && failures.Count < 10; i++)
        {
            var before = await StoreSnapshot.TakeAsync(host.Factory);
            var clock = await NowAsync(host);
            using var request = requests.Next(endpoint, "POST");
            using var response = await clients[i % clients.Count].SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{status} for {request.RequestUri}: {await response.Content.ReadAsStringAsync()}");
            }
            else if (status >= 400)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{status} without ProblemDetails for {request.RequestUri}");
                }

                if (await StoreSnapshot.TakeAsync(host.Factory) != before || await NowAsync(host) - clock > TimeSpan.FromMinutes(1))
                {
                    failures.Add($"{status} changed the store or moved the clock for {request.RequestUri}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<DateTimeOffset> NowAsync(SandboxHost host)
    {
        using var client = host.Factory.CreateClient();
        return (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/health/live")).GetProperty("clock").GetProperty("now").GetDateTimeOffset();
    }
}
