namespace EcoDamage.Workflow.Server.Tests.Inbound;

public sealed class InboundHookStartupTests
{
    [Fact]
    public void Start_BadInboundSystems_FailsListingEveryProblem()
    {
        using var factory = new ServerFactory();
        factory.Settings["Hooks:Inbound:Systems:court:Secret"] = "whsec_c2hvcnQ=";
        factory.Settings["Hooks:Inbound:Systems:court:System"] = "court-system";
        factory.Settings["Hooks:Inbound:Systems:finance:System"] = "finance-system";
        factory.Settings["Hooks:Inbound:Systems:finance:Role"] = "financeBureau";
        factory.Settings["Hooks:Inbound:Tolerance"] = "00:00:00";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error.ToString();
        Assert.True(message.Contains("Hooks:Inbound:Systems:court:Secret must be 'whsec_'", StringComparison.Ordinal), message);
        Assert.True(message.Contains("Hooks:Inbound:Systems:court:Role is required", StringComparison.Ordinal), message);
        Assert.True(message.Contains("Hooks:Inbound:Systems:finance:Secret is required", StringComparison.Ordinal), message);
        Assert.True(message.Contains("Hooks:Inbound:Tolerance must be more than zero", StringComparison.Ordinal), message);
    }

    [Fact]
    public void Start_SystemInAnUndeclaredRole_FailsNamingIt()
    {
        using var factory = new ServerFactory();
        factory.Settings["Hooks:Inbound:Systems:court:Secret"] = HookServer.CourtSecret;
        factory.Settings["Hooks:Inbound:Systems:court:System"] = "court-system";
        factory.Settings["Hooks:Inbound:Systems:court:Role"] = "judge";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Hooks:Inbound:Systems:court:Role 'judge' is not a role of roles.yaml", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TwoSystemsSharingASecret_Fails()
    {
        using var factory = new ServerFactory();
        foreach (var name in new[] { "court", "finance" })
        {
            factory.Settings[$"Hooks:Inbound:Systems:{name}:Secret"] = HookServer.CourtSecret;
            factory.Settings[$"Hooks:Inbound:Systems:{name}:System"] = $"{name}-system";
            factory.Settings[$"Hooks:Inbound:Systems:{name}:Role"] = name;
        }

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("court, finance share one secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_BadExtraSecret_FailsNamingIt()
    {
        using var factory = new ServerFactory();
        factory.Settings["Hooks:Inbound:Systems:court:Secret"] = HookServer.CourtSecret;
        factory.Settings["Hooks:Inbound:Systems:court:Secrets:0"] = "not-a-secret";
        factory.Settings["Hooks:Inbound:Systems:court:System"] = "court-system";
        factory.Settings["Hooks:Inbound:Systems:court:Role"] = "court";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Hooks:Inbound:Systems:court:Secrets:0 must be 'whsec_'", error.ToString(), StringComparison.Ordinal);
    }
}
