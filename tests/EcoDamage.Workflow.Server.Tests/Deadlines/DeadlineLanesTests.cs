using Microsoft.Extensions.DependencyInjection;
using Quartz;

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
        foreach (var lane in new[] { "deadline-sweep-1", "deadline-sweep-2" })
        {
            var job = new JobKey(lane, "deadlines");
            Assert.NotNull(await scheduler.GetJobDetail(job));
            var trigger = Assert.Single(await scheduler.GetTriggersOfJob(job));
            Assert.Equal(new TriggerKey(lane, "deadlines"), trigger.Key);
        }

        // The loop variable read late named a trigger after a lane that does not exist.
        Assert.Null(await scheduler.GetTrigger(new TriggerKey("deadline-sweep-3", "deadlines")));
        Assert.Null(await scheduler.GetJobDetail(new JobKey("deadline-sweep-3", "deadlines")));
    }
}
