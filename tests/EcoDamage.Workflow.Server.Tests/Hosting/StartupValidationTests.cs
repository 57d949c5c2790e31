using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Tests.Hosting;

public sealed class StartupValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecodamage-broken-").FullName;

    [Fact]
    public void Start_BrokenDefinition_FailsListingEveryProblem()
    {
        File.Copy(Path.Combine(RepositoryPaths.Workflows, "roles.yaml"), Path.Combine(_folder, "roles.yaml"));
        CopyFolder("calendars");
        CopyFolder("tables");
        var text = TestFiles.RepairBroken;
        File.WriteAllText(Path.Combine(_folder, "repair.workflow.yaml"), text);
        using var factory = new ServerFactory { WorkflowsDirectory = _folder };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var catalogError = Assert.IsType<WorkflowCatalogException>(Unwrap(error));
        Assert.Contains(catalogError.Problems, p => p.RuleId == "WF018");
        Assert.Contains(catalogError.Problems, p => p.RuleId == "WF011");
        Assert.Contains($"repair.workflow.yaml:{TestFiles.LineOf(text, "calendar: mars")}:11: error WF018:", catalogError.Message, StringComparison.Ordinal);
        Assert.Contains($"repair.workflow.yaml:{TestFiles.LineOf(text, "initial: Nowhere")}:10: error WF011:", catalogError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_MissingFolder_FailsNamingTheSetting()
    {
        using var factory = new ServerFactory { WorkflowsDirectory = Path.Combine(_folder, "missing") };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var invalid = Assert.IsType<OptionsValidationException>(Unwrap(error));
        Assert.Contains("WorkflowDefinitions:Directory", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NonPositiveBodyLimit_Fails()
    {
        using var factory = new ServerFactory();
        factory.Settings["WorkflowDefinitions:MaxPostedDefinitionBytes"] = "0";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("MaxPostedDefinitionBytes", Unwrap(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ApiKeyWithoutRoleOrSharedKey_FailsListingEveryProblem()
    {
        using var factory = new ServerFactory();
        factory.Settings["Security:ApiKeys:broken:Key"] = "dev-court-key";
        factory.Settings["Security:ApiKeys:broken:System"] = "broken-system";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        // The whole exception tree: start-up validation may aggregate several options' failures.
        var message = error.ToString();
        Assert.True(message.Contains("Security:ApiKeys:broken:Role is required", StringComparison.Ordinal), message);
        Assert.True(message.Contains("share one key", StringComparison.Ordinal), message);
    }

    [Fact]
    public void Start_UnknownStorageProvider_Fails()
    {
        using var factory = new ServerFactory();
        factory.Settings["Storage:Provider"] = "Oracle";

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;

    private void CopyFolder(string name)
    {
        Directory.CreateDirectory(Path.Combine(_folder, name));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Workflows, name)))
        {
            File.Copy(file, Path.Combine(_folder, name, Path.GetFileName(file)));
        }
    }
}
