namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>The roles definitions may reference (<c>roles.yaml</c>), with what each may reach.</summary>
public sealed class RoleCatalog
{
    /// <summary>The engine's own role, used for auto-fired triggers and call outcomes.</summary>
    public const string System = "system";

    private readonly Dictionary<string, LocalizedText> _roles;
    private readonly Dictionary<string, RoleAccess> _access;

    /// <summary>Creates a catalog; <see cref="System"/> is always present. Every role reaches nothing.</summary>
    public RoleCatalog(IEnumerable<KeyValuePair<string, LocalizedText>> roles)
        : this(roles, [])
    {
    }

    /// <summary>Creates a catalog with each role's access; a role without an entry in <paramref name="access"/> reaches nothing.</summary>
    public RoleCatalog(IEnumerable<KeyValuePair<string, LocalizedText>> roles, IEnumerable<KeyValuePair<string, RoleAccess>> access)
    {
        _roles = new Dictionary<string, LocalizedText>(roles, StringComparer.Ordinal);
        _roles.TryAdd(System, new LocalizedText("系统", "System"));
        _access = new Dictionary<string, RoleAccess>(access, StringComparer.Ordinal) { [System] = RoleAccess.Engine };
    }

    /// <summary>Role ids and names.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Roles => _roles;

    /// <summary>True when <paramref name="role"/> is declared.</summary>
    public bool Contains(string role) => _roles.ContainsKey(role);

    /// <summary>What <paramref name="role"/> may reach; <see cref="RoleAccess.Nothing"/> for an undeclared role or one without <c>scope:</c>.</summary>
    public RoleAccess AccessOf(string role) => _access.GetValueOrDefault(role, RoleAccess.Nothing);
}
