using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Impl.Matchers;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>Issue 17: with <c>Deadlines:Lanes</c> above 1 every lane's job has its own trigger.</summary>
public sealed class DeadlineLanesTests
{
    [Theory]
    [InlineData("Memory")]
    [InlineData("Persistent")]
    public async Task Start_TwoLanes_OneTriggerPerJob(string jobStore)
    {
        using var host = new DeadlineHost(quartz: true, settings: new Dictionary<string, string>
        {
            ["Deadlines:Lanes"] = "2",
            ["Deadlines:JobStore"] = jobStore,
        });
        host.Factory.CreateClient().Dispose();

        var scheduler = await host.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("deadlines"));
        var triggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("deadlines"));

        Assert.Equal(["deadline-sweep-1", "deadline-sweep-2"], jobs.Select(j => j.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["deadline-sweep-1", "deadline-sweep-2"], triggers.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var job in jobs)
        {
            var ofJob = Assert.Single(await scheduler.GetTriggersOfJob(job));
            Assert.Equal(job.Name, ofJob.Key.Name);
        }
    }
}
