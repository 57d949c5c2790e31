using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Diagnostics;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Catalog;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// Builds the catalog in force: from the folder (folder mode), or from the definition store (database mode), importing
/// the folder as the seed catalog when the store is empty. Each load compiles a new catalog and engine and swaps them in
/// whole; a store catalog that does not compile is reported and the catalog in force stays.
/// </summary>
internal sealed class CatalogLoader(
    DefinitionCatalog holder,
    IOptions<WorkflowDefinitionsOptions> options,
    IHostEnvironment environment,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<CatalogLoader> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The catalog folder.</summary>
    /// <exception cref="WorkflowCatalogException">It does not exist.</exception>
    public string Directory => options.Value.Resolve(environment.ContentRootPath)
        ?? throw new WorkflowCatalogException($"The workflow catalog folder '{options.Value.Directory}' does not exist.");

    /// <summary>Loads the catalog at start-up.</summary>
    /// <exception cref="WorkflowCatalogException">The catalog has errors; the message lists every problem.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (holder.Mode == CatalogMode.Folder)
        {
            var folder = await Task.Run(() => WorkflowCatalog.LoadDirectory(Directory), cancellationToken).ConfigureAwait(false);
            holder.Swap(Build(folder, Directory, 0));
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ICatalogStore>();
        if (await store.LoadAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            var seed = await Task.Run(() => WorkflowCatalog.LoadDirectory(Directory), cancellationToken).ConfigureAwait(false);
            Build(seed, Directory, 0); // throws with every problem when the seed is invalid
            var imported = SeedCatalog.Read(Directory, seed.Catalog!, time.GetUtcNow());
            if (await store.ImportAsync(imported.Definitions, imported.Documents, imported.Entry, cancellationToken).ConfigureAwait(false))
            {
                Log.SeedImported(logger, Directory, imported.Definitions.Count, imported.Documents.Count);
            }
        }

        if (!await ReloadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new WorkflowCatalogException("The definition store holds no catalog.");
        }
    }

    /// <summary>Loads the store's catalog when its stamp moved past the one in force (database mode).</summary>
    /// <returns>True when a catalog was put in force.</returns>
    /// <exception cref="WorkflowCatalogException">The stored catalog does not compile (it was valid when published: a newer build's rules, or an edited database).</exception>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (holder.Mode == CatalogMode.Folder)
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ICatalogStore>();
            if (holder.IsLoaded && await store.StampAsync(cancellationToken).ConfigureAwait(false) <= holder.State.Stamp)
            {
                return false;
            }

            if (await store.LoadAsync(cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return false;
            }

            var files = StoredCatalogFiles.Of(stored);
            var loaded = await Task.Run(() => WorkflowCatalog.LoadPublished(files), cancellationToken).ConfigureAwait(false);
            var state = Build(loaded, "the definition store", stored.Stamp) with
            {
                Publications = stored.Definitions.ToDictionary(d => d.Key, StringComparer.Ordinal),
                Documents = stored.Documents.ToDictionary(d => d.Path, StringComparer.Ordinal),
            };
            var swapped = holder.Swap(state);
            if (swapped)
            {
                Log.CatalogLoaded(logger, "the definition store", loaded.Catalog!.Workflows.Count);
            }

            return swapped;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private CatalogState Build(CatalogLoadResult result, string source, long stamp)
    {
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

        if (result.Catalog is not { } catalog)
        {
            throw new WorkflowCatalogException(source, result.Problems);
        }

        var (reference, referenceProblems) = Server.Reference.ReferenceDataReader.Read(catalog.Files);
        if (reference is null)
        {
            throw new WorkflowCatalogException(source, referenceProblems);
        }

        if (stamp == 0)
        {
            Log.CatalogLoaded(logger, source, catalog.Workflows.Count);
        }

        return new CatalogState(catalog, new WorkflowEngine(catalog), reference, stamp);
    }
}
