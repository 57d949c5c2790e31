using EcoDamage.Workflow.Server.Definitions;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>Checks an account's role, department and jurisdiction against <c>roles.yaml</c> and the reference data.</summary>
internal sealed class AccountValidation(DefinitionCatalog definitions)
{
    /// <summary>Adds a problem to <paramref name="errors"/> for each value the catalog does not know.</summary>
    public void Check(Dictionary<string, string[]> errors, string? role, string? department, string? jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (role is not null && !definitions.Catalog.Roles.Contains(role))
        {
            errors["role"] = [$"'{role}' is not a role of roles.yaml"];
        }

        var reference = definitions.Reference;
        if (!string.IsNullOrEmpty(department) && reference.Departments.Count > 0 && !reference.Departments.Any(d => d.Id == department))
        {
            errors["department"] = [$"'{department}' is not a department of the reference data"];
        }

        if (!string.IsNullOrEmpty(jurisdiction) && reference.Jurisdictions.Count > 0 && !reference.Jurisdictions.Any(j => j.Id == jurisdiction))
        {
            errors["jurisdiction"] = [$"'{jurisdiction}' is not a jurisdiction of the reference data"];
        }
    }

    /// <summary>A problem for a free-text field that is too long or holds control characters, or null.</summary>
    public static string? TextProblem(string? value, int maxLength) =>
        value is null ? null
        : value.Length > maxLength ? $"at most {maxLength} characters"
        : value.Any(c => char.IsControl(c) || char.IsSurrogate(c)) ? "control characters and lone surrogates are not allowed"
        : null;
}
