namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>Clients with the keys of appsettings.Testing.json that the hardening tests use.</summary>
public static class TestKeys
{
    /// <summary>The <c>administrator</c> role's key (definitions, reference data, users, keys; no case).</summary>
    public const string Administrator = "dev-administrator-key";

    /// <summary>A client calling as the administrator.</summary>
    public static HttpClient AdministratorClient(ServerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Administrator);
        return client;
    }
}
