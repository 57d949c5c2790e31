using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Definitions;

/// <summary>
/// The catalog in force on this node, with its engine and reference data (<see cref="CatalogState"/>): loaded at
/// start-up by <see cref="CatalogStartupLoader"/> and, in database mode, swapped whole when a publication changes the
/// store (<see cref="CatalogLoader"/>). Read it per request, never keep it: a case pinned to a version finds it in every
/// later catalog, because published versions are never removed.
/// </summary>
internal sealed class DefinitionCatalog(IOptions<WorkflowDefinitionsOptions> options)
{
    private CatalogState? _state;

    /// <summary>Where the catalog lives.</summary>
    public CatalogMode Mode => options.Value.Mode;

    /// <summary>True once a catalog loaded without errors.</summary>
    public bool IsLoaded => Volatile.Read(ref _state) is not null;

    /// <summary>The catalog in force with what was built from it.</summary>
    /// <exception cref="InvalidOperationException">The catalog has not been loaded.</exception>
    public CatalogState State => Volatile.Read(ref _state)
        ?? throw new InvalidOperationException("The workflow catalog is not loaded yet.");

    /// <summary>The catalog in force.</summary>
    /// <exception cref="InvalidOperationException">The catalog has not been loaded.</exception>
    public WorkflowCatalog Catalog => State.Catalog;

    /// <summary>The engine over the catalog in force.</summary>
    /// <exception cref="InvalidOperationException">The catalog has not been loaded.</exception>
    public WorkflowEngine Engine => State.Engine;

    /// <summary>Departments and jurisdictions read with the catalog (empty when it has no reference file).</summary>
    public Server.Reference.ReferenceData Reference => Volatile.Read(ref _state)?.Reference ?? Server.Reference.ReferenceData.Empty;

    /// <summary>Puts <paramref name="state"/> in force unless a newer one is (stamps only grow).</summary>
    /// <returns>True when it was put in force.</returns>
    public bool Swap(CatalogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        while (true)
        {
            var current = Volatile.Read(ref _state);
            if (current is not null && current.Stamp > state.Stamp)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, state, current) == current)
            {
                return true;
            }
        }
    }
}
