using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Server.Definitions;

namespace EcoDamage.Workflow.Server.Security;

/// <summary>
/// Turns a <see cref="Caller"/> into the <see cref="AccessScope"/> of the cases it reaches, from its role's
/// <c>scope:</c> in <c>roles.yaml</c> and the jurisdiction tree of the reference data (R4). Deny by default: an
/// unknown role, or a department-scoped role without a department, or a scoped role without a jurisdiction, reaches nothing.
/// </summary>
internal sealed class CallerScopes(DefinitionCatalog definitions)
{
    /// <summary>The role's access (<see cref="RoleAccess.Nothing"/> for an undeclared role).</summary>
    public RoleAccess AccessOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return definitions.Catalog.Roles.AccessOf(caller.Role);
    }

    /// <summary>The cases <paramref name="caller"/> reads.</summary>
    public AccessScope ReadScope(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var access = AccessOf(caller);
        return access.Scope switch
        {
            AccessScopeKind.All => AccessScope.Everything,
            AccessScopeKind.Jurisdiction => Within(caller) is { } within ? new AccessScope { Jurisdictions = within } : AccessScope.Nothing,
            AccessScopeKind.Department => caller.Department is { } department && Within(caller) is { } within
                ? new AccessScope { Jurisdictions = within, Department = department }
                : AccessScope.Nothing,
            AccessScopeKind.Party => caller.Party is { } party ? new AccessScope { Party = party } : AccessScope.Nothing,
            _ => AccessScope.Nothing,
        };
    }

    /// <summary>The cases <paramref name="caller"/> may change: its read scope, or nothing for a read-only role.</summary>
    public AccessScope ActScope(Caller caller) => AccessOf(caller).ReadOnly ? AccessScope.Nothing : ReadScope(caller);

    private IReadOnlySet<string>? Within(Caller caller)
    {
        if (caller.Jurisdiction is not { } jurisdiction)
        {
            return null;
        }

        var within = definitions.Catalog.Reference.JurisdictionsWithin(jurisdiction);
        return within.Count == 0 ? null : within;
    }
}
