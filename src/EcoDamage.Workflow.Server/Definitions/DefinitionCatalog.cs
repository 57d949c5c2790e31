using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Diagnostics;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>The workflow catalog, loaded once at start-up (by <see cref="CatalogStartupLoader"/>) and then immutable.</summary>
internal sealed class DefinitionCatalog(
    IOptions<WorkflowDefinitionsOptions> options,
    IHostEnvironment environment,
    ILogger<DefinitionCatalog> logger)
{
    private WorkflowCatalog? _catalog;
    private Server.Reference.ReferenceData _reference = Server.Reference.ReferenceData.Empty;

    /// <summary>True once the catalog loaded without errors.</summary>
    public bool IsLoaded => Volatile.Read(ref _catalog) is not null;

    /// <summary>The loaded catalog.</summary>
    /// <exception cref="InvalidOperationException">The catalog has not been loaded.</exception>
    public WorkflowCatalog Catalog => Volatile.Read(ref _catalog)
        ?? throw new InvalidOperationException("The workflow catalog is not loaded yet.");

    /// <summary>Departments and jurisdictions read beside the catalog (empty when the file is absent).</summary>
    public Server.Reference.ReferenceData Reference => Volatile.Read(ref _reference);

    /// <summary>Loads the catalog, logging every problem.</summary>
    /// <exception cref="WorkflowCatalogException">The catalog has errors; the message lists every problem.</exception>
    public void Load()
    {
        var settings = options.Value;
        var directory = settings.Resolve(environment.ContentRootPath)
            ?? throw new WorkflowCatalogException($"The workflow catalog folder '{settings.Directory}' does not exist.");
        var result = WorkflowCatalog.LoadDirectory(directory);
        foreach (var problem in result.Problems)
        {
            if (problem.Severity == Severity.Error)
            {
                Log.CatalogError(logger, problem.Position.File, problem.Position.Line, problem.Position.Column, problem.RuleId, problem.Message);
            }
            else
            {
                Log.CatalogWarning(logger, problem.Position.File, problem.Position.Line, problem.Position.Column, problem.RuleId, problem.Message);
            }
        }

        if (result.Catalog is null)
        {
            throw new WorkflowCatalogException(directory, result.Problems);
        }

        var (reference, referenceProblems) = Server.Reference.ReferenceDataReader.Read(directory);
        if (reference is null)
        {
            throw new WorkflowCatalogException(directory, referenceProblems);
        }

        Volatile.Write(ref _reference, reference);
        Log.CatalogLoaded(logger, directory, result.Catalog.Workflows.Count);
        Volatile.Write(ref _catalog, result.Catalog);
    }
}
