using System.Text.Json;
using System.Text.Json.Nodes;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Server.Tests.Hosting;

public sealed class OpenApiSnapshotTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task OpenApiDocument_MatchesApprovedFile()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        var root = JsonNode.Parse(document)!.AsObject();
        root.Remove("servers"); // the test server's address, not part of the contract
        var received = root.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "EcoDamage.Workflow.Server.Tests", "approved");
        var approvedPath = Path.Combine(folder, "openapi.json");
        var receivedPath = Path.Combine(folder, "openapi.received.json");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;

        if (approved != received)
        {
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The OpenAPI document changed; compare {receivedPath} with {approvedPath} and, if intended, copy it over the approved file.");
        }

        File.Delete(receivedPath);
    }

    [Fact]
    public async Task ScalarReference_Served()
    {
        var page = await factory.CreateClient().GetStringAsync("/scalar/");

        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
    }
}
