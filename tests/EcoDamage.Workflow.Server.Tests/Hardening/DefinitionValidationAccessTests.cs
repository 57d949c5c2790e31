using System.Text;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>
/// Regression (issue 13): anonymous callers kept both cores busy with 800 KB definitions on
/// <c>POST /api/definitions/validate</c>. Now: the administrator only, at most 256 KiB.
/// </summary>
public sealed class DefinitionValidationAccessTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string Definition = "id: claim\nversion: 9.0.0\n";

    [Fact]
    public async Task Validate_Anonymous_401()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/definitions/validate", Yaml(Definition));

        await ProblemAssert.IsAsync(response, 401);
    }

    [Theory]
    [InlineData(CaseClient.LawEnforcement)]
    [InlineData(CaseClient.Procuratorate)]
    public async Task Validate_NotAnAdministrator_403(string key)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var response = await client.PostAsync("/api/definitions/validate", Yaml(Definition));

        await ProblemAssert.IsAsync(response, 403);
    }

    [Fact]
    public async Task Validate_Administrator_200()
    {
        using var client = TestKeys.AdministratorClient(factory);

        using var response = await client.PostAsync("/api/definitions/validate", Yaml(Definition));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Validate_Over256KiB_413()
    {
        using var client = TestKeys.AdministratorClient(factory);

        using var response = await client.PostAsync("/api/definitions/validate", Yaml("# " + new string('x', 300 * 1024) + "\n" + Definition));

        await ProblemAssert.IsAsync(response, 413);
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");
}
