using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Security;

namespace EcoDamage.Workflow.Server.Access;

/// <summary>
/// The per-case check of every case endpoint (issue 13): the caller's read scope must cover the case (else 404, as if
/// there were none), and to change it its act scope too (else 403). A read that passes is recorded in the read log.
/// </summary>
internal sealed class CaseGate(ICaseStore cases, CallerScopes scopes, DefinitionCatalog definitions, CaseReadLog reads)
{
    /// <summary>Whether the caller of <paramref name="http"/> reads case <paramref name="id"/>; records the read of <paramref name="what"/>.</summary>
    public async Task<CaseAccessCheck> ReadAsync(HttpContext http, string id, string what, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var stored = caller is null ? null : await cases.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (caller is null || stored is null || !scopes.ReadScope(caller).Covers(OwnershipOf(stored.Case)))
        {
            return new CaseAccessCheck(null, AccessProblems.NotFound(id));
        }

        reads.Record(id, caller, what);
        return new CaseAccessCheck(stored, null);
    }

    /// <summary>Whether the caller of <paramref name="http"/> may change case <paramref name="id"/>: 404 when it may not read it, 403 when it only reads it.</summary>
    public async Task<CaseAccessCheck> ActAsync(HttpContext http, string id, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var stored = caller is null ? null : await cases.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (caller is null || stored is null)
        {
            return new CaseAccessCheck(null, AccessProblems.NotFound(id));
        }

        var owner = OwnershipOf(stored.Case);
        if (!scopes.ReadScope(caller).Covers(owner))
        {
            return new CaseAccessCheck(null, AccessProblems.NotFound(id));
        }

        return scopes.ActScope(caller).Covers(owner)
            ? new CaseAccessCheck(stored, null)
            : new CaseAccessCheck(null, AccessProblems.Forbidden(
                $"Role '{caller.Role}' of {caller.Department ?? "no department"} in {caller.Jurisdiction ?? "no jurisdiction"} reads case '{id}' but may not change it."));
    }

    /// <summary>The ownership of <paramref name="case"/> by its definition's <c>listing:</c> (the same rule as the stored filter columns).</summary>
    public CaseOwnership OwnershipOf(CaseInstance @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var listing = definitions.Catalog.Find(@case.DefinitionId, @case.DefinitionVersion)?.Definition.ListingOf(@case.Data) ?? CaseListing.None;
        return CaseOwnerships.Of(@case, listing);
    }
}
