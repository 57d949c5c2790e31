using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Security.ApiKeys;

/// <summary>
/// Checks a new key against <c>roles.yaml</c> and the reference data: a declared role (not <c>system</c>), known
/// department and jurisdiction ids, the ids its role's scope needs, and an expiry ahead. The first problem is a 400
/// naming the field.
/// </summary>
internal sealed class ApiKeyRequestValidator(DefinitionCatalog definitions)
{
    /// <summary>The longest expiry a key may be given.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(731);

    private const int MaxText = 100;

    /// <summary>The 400 for the first field that does not fit, or null.</summary>
    public ValidationProblem? Check(ApiKeyCreateRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Text(request.Name, "name", required: true) is { } name)
        {
            return name;
        }

        if (Text(request.System, "system", required: true) is { } system)
        {
            return system;
        }

        var catalog = definitions.Catalog;
        if (string.IsNullOrWhiteSpace(request.Role) || request.Role == RoleCatalog.System || !catalog.Roles.Contains(request.Role))
        {
            return Problems.BadParameter("role", "must be a role of roles.yaml");
        }

        if (request.Department is not null && !catalog.Reference.Departments.Any(d => d.Id == request.Department))
        {
            return Problems.BadParameter("department", "must be a department id of the reference data");
        }

        if (request.Jurisdiction is not null && !catalog.Reference.Jurisdictions.Any(j => j.Id == request.Jurisdiction))
        {
            return Problems.BadParameter("jurisdiction", "must be a jurisdiction id of the reference data");
        }

        if (Text(request.Party, "party", required: false) is { } party)
        {
            return party;
        }

        var scope = catalog.Roles.AccessOf(request.Role).Scope;
        if (scope == AccessScopeKind.Department && request.Department is null)
        {
            return Problems.BadParameter("department", $"is required: role '{request.Role}' reaches its department's cases");
        }

        if (scope is AccessScopeKind.Department or AccessScopeKind.Jurisdiction && request.Jurisdiction is null)
        {
            return Problems.BadParameter("jurisdiction", $"is required: role '{request.Role}' reaches the cases of its jurisdiction");
        }

        if (scope == AccessScopeKind.Party && request.Party is null)
        {
            return Problems.BadParameter("party", $"is required: role '{request.Role}' reaches the cases of its party");
        }

        if (request.ExpiresAt is not { } expires || expires <= now || expires - now > MaxLifetime)
        {
            return Problems.BadParameter("expiresAt", $"is required, must lie ahead and at most {MaxLifetime.TotalDays:0} days from now");
        }

        return null;
    }

    private static ValidationProblem? Text(string? value, string field, bool required)
    {
        if (value is null)
        {
            return required ? Problems.BadParameter(field, "is required") : null;
        }

        return string.IsNullOrWhiteSpace(value) || value.Length > MaxText || value.Any(c => char.IsControl(c) || char.IsSurrogate(c))
            ? Problems.BadParameter(field, $"must be 1 to {MaxText} printable characters")
            : null;
    }
}
