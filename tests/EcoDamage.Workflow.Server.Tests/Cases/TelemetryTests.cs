using System.Collections.Concurrent;
using System.Diagnostics;
using EcoDamage.Workflow.Server.Cases;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace EcoDamage.Workflow.Server.Tests.Cases;

/// <summary>Every case command leaves a trace with the case id, trigger and outcome; OpenTelemetry is wired.</summary>
public sealed class TelemetryTests(CaseServers servers) : IClassFixture<CaseServers>
{
    [Fact]
    public async Task FireTrigger_RecordsAnActivityWithCaseTriggerAndOutcome_AndOpenTelemetryIsRegistered()
    {
        var factory = await servers.GetAsync("Sqlite");
        var api = new CaseClient(factory);
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CaseTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var id = (await api.RegisterClueAsync("haian", "suddenIncident", "telemetry")).GetProperty("id").GetString()!;
        await api.FireAsync(CaseClient.LawEnforcement, id, "StartPreliminaryCheck");

        var fired = Assert.Single(activities, a => Equals(a.GetTagItem("ecodamage.case.id"), id) && Equals(a.GetTagItem("ecodamage.trigger"), "StartPreliminaryCheck"));
        Assert.Equal("Accepted", fired.GetTagItem("ecodamage.outcome")?.ToString(), ignoreCase: true);
        Assert.NotNull(factory.Services.GetService<TracerProvider>());
    }
}
