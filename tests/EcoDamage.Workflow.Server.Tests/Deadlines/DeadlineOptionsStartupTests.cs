namespace EcoDamage.Workflow.Server.Tests.Deadlines;

public sealed class DeadlineOptionsStartupTests
{
    [Fact]
    public void Start_BadDeadlineOptions_FailsListingEveryProblem()
    {
        using var factory = new ServerFactory();
        factory.Settings["Deadlines:Enabled"] = "true";
        factory.Settings["Deadlines:BatchSize"] = "0";
        factory.Settings["Deadlines:SweepInterval"] = "00:00:00.001";
        factory.Settings["Deadlines:Lanes"] = "99";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error.ToString();
        Assert.Contains("Deadlines:BatchSize: 0", message, StringComparison.Ordinal);
        Assert.Contains("Deadlines:SweepInterval", message, StringComparison.Ordinal);
        Assert.Contains("Deadlines:Lanes: 99", message, StringComparison.Ordinal);
    }
}
