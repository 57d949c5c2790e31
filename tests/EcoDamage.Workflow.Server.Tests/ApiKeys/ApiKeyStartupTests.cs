namespace EcoDamage.Workflow.Server.Tests.ApiKeys;

/// <summary>Configured keys: <c>Key</c> or <c>KeyHash</c>, exactly one, and a hash that is one.</summary>
public sealed class ApiKeyStartupTests
{
    [Fact]
    public void Start_KeyAndKeyHashBothOrMalformed_FailsListingEach()
    {
        using var factory = new ServerFactory();
        factory.Settings["Security:ApiKeys:both:Key"] = "some-key";
        factory.Settings["Security:ApiKeys:both:KeyHash"] = new string('a', 64);
        factory.Settings["Security:ApiKeys:both:System"] = "both-system";
        factory.Settings["Security:ApiKeys:both:Role"] = "court";
        factory.Settings["Security:ApiKeys:short:KeyHash"] = "abc";
        factory.Settings["Security:ApiKeys:short:System"] = "short-system";
        factory.Settings["Security:ApiKeys:short:Role"] = "court";

        var message = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.True(message.Contains("Security:ApiKeys:both:Key is required (or KeyHash instead, not both)", StringComparison.Ordinal), message);
        Assert.True(message.Contains("Security:ApiKeys:short:KeyHash must be the 64 hex digits of a SHA-256", StringComparison.Ordinal), message);
    }
}
