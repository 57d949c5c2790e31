using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Server.Tests.Apis;

/// <summary>The Server reads the clue-intake definition and the declared event names from the catalog, not from constants.</summary>
public sealed class RenamedIntakeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecodamage-renamed-").FullName;

    [Fact]
    public async Task Clues_IntakeDefinitionRenamed_RegisterAndListOnTheDeclaredDefinition()
    {
        Copy(RepositoryPaths.Workflows, _folder);
        var claim = Path.Combine(_folder, "claim.workflow.yaml");
        File.WriteAllText(claim, File.ReadAllText(claim).Replace("\nid: claim\n", "\nid: compensationClaim\n", StringComparison.Ordinal));
        using var factory = new ServerFactory { WorkflowsDirectory = _folder };
        var api = new CaseClient(factory);

        var clue = await api.RegisterClueAsync(jurisdiction: "haimen");
        var clues = await api.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>("/api/clues");
        var reference = await api.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>("/api/reference");

        Assert.Equal("compensationClaim", clue.GetProperty("definition").GetProperty("id").GetString());
        var item = Assert.Single(clues.GetProperty("items").EnumerateArray());
        Assert.Equal(clue.GetProperty("id").GetString(), item.GetProperty("id").GetString());
        Assert.Equal("haimen", item.GetProperty("jurisdiction").GetString());
        Assert.Equal("suddenIncident", item.GetProperty("channel").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("department").GetString()));
        Assert.Equal(10, reference.GetProperty("channels").GetArrayLength());
        Assert.Equal(13, reference.GetProperty("domains").GetArrayLength());
    }

    [Fact]
    public async Task Subscriptions_EventNameDeclaredByADefinition_MayBeSelected()
    {
        Copy(RepositoryPaths.Workflows, _folder);
        var claim = Path.Combine(_folder, "claim.workflow.yaml");
        File.WriteAllText(claim, File.ReadAllText(claim).Replace("  event: clue.registered\n", "  event: clue.logged\n", StringComparison.Ordinal));
        using var factory = new ServerFactory { WorkflowsDirectory = _folder };
        factory.Settings["Webhooks:AllowPrivateTargets"] = "true"; // no name resolution: the test is about the event names
        var client = new CaseClient(factory).As(CaseClient.LawEnforcement);

        // A name only this catalog declares (neither a well-known name nor a case.* one) is accepted and listed;
        // an undeclared one beside it is still refused.
        var declared = await client.PostAsJsonAsync("/api/webhooks/subscriptions", new { url = "https://example.org/hooks", eventTypes = new[] { "clue.logged" } });
        var undeclared = await client.PostAsJsonAsync("/api/webhooks/subscriptions", new { url = "https://example.org/hooks", eventTypes = new[] { "clue.lost" } });
        var types = await client.GetFromJsonAsync<JsonElement>("/api/webhooks/event-types");

        Assert.Equal(System.Net.HttpStatusCode.Created, declared.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, undeclared.StatusCode);
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("name").GetString() == "clue.logged");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
