using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Access;

/// <summary>
/// The per-case check of every case endpoint (issue 13): the caller's read scope must cover the case (else 404, as if
/// there were none), and to change it its act scope too (else 403). A read that passes is recorded in the read log.
/// </summary>
internal sealed class CaseGate(ICaseStore cases, CallerScopes scopes, DefinitionCatalog definitions, CaseReadLog reads)
{
    /// <summary>Whether the caller of <paramref name="http"/> reads case <paramref name="id"/>; records the read of <paramref name="what"/>.</summary>
    public Task<CaseAccessCheck> ReadAsync(HttpContext http, string id, string what, CancellationToken cancellationToken) =>
        ReadAsync(Caller.From(http.User), id, what, cancellationToken);

    /// <summary>Whether <paramref name="caller"/> (null: nobody) reads case <paramref name="id"/>; records the read of <paramref name="what"/>.</summary>
    public async Task<CaseAccessCheck> ReadAsync(Caller? caller, string id, string what, CancellationToken cancellationToken)
    {
        var stored = caller is null ? null : await cases.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (caller is null || stored is null || !scopes.ReadScope(caller).Covers(OwnershipOf(stored.Case)))
        {
            return new CaseAccessCheck(null, AccessProblems.NotFound(id));
        }

        reads.Record(id, caller, what);
        return new CaseAccessCheck(stored, null);
    }

    /// <summary>Whether the caller of <paramref name="http"/> may change case <paramref name="id"/>: 404 when it may not read it, 403 when it only reads it.</summary>
    public Task<CaseAccessCheck> ActAsync(HttpContext http, string id, CancellationToken cancellationToken) =>
        ActAsync(Caller.From(http.User), id, cancellationToken);

    /// <summary>Whether <paramref name="caller"/> (null: nobody; a signed hook's system) may change case <paramref name="id"/>: 404 when it may not read it, 403 when it only reads it.</summary>
    public async Task<CaseAccessCheck> ActAsync(Caller? caller, string id, CancellationToken cancellationToken)
    {
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

    /// <summary>
    /// A 403 unless <paramref name="caller"/> may start a case in <paramref name="jurisdiction"/>: a clue starts a case in
    /// the jurisdiction it names, so the caller must act there (R4); the department is the routing's (R2).
    /// </summary>
    public ProblemHttpResult? RegisterRefusal(Caller? caller, string? jurisdiction)
    {
        // Without a jurisdiction the start is refused by the definition's required data (422 naming it), not here.
        var scope = caller is null ? AccessScope.Nothing : scopes.ActScope(caller);
        return scope.None || scope.Party is not null || (scope.Jurisdictions is { } within && jurisdiction is not null && !within.Contains(jurisdiction))
            ? AccessProblems.Forbidden($"The caller may not register a clue in jurisdiction '{jurisdiction}'.")
            : null;
    }

    /// <summary>The ownership of <paramref name="case"/> by its definition's <c>listing:</c> (the same rule as the stored filter columns).</summary>
    public CaseOwnership OwnershipOf(CaseInstance @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var listing = definitions.Catalog.Find(@case.DefinitionId, @case.DefinitionVersion)?.Definition.ListingOf(@case.Data) ?? CaseListing.None;
        return CaseOwnerships.Of(@case, listing);
    }
}
