namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>The roles definitions may name (departments, the procuratorate, the court, the obligor, …).</summary>
public sealed class RoleCatalog
{
    /// <summary>The engine's own role, used for auto-fired triggers and call outcomes.</summary>
    public const string System = "system";

    private readonly Dictionary<string, LocalizedText> _roles;

    /// <summary>Creates a catalog; <see cref="System"/> is always present.</summary>
    public RoleCatalog(IEnumerable<KeyValuePair<string, LocalizedText>> roles)
    {
        _roles = new Dictionary<string, LocalizedText>(roles, StringComparer.Ordinal);
        _roles.TryAdd(System, new LocalizedText("系统", "System"));
    }

    /// <summary>Role ids and names.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Roles => _roles;

    /// <summary>True when <paramref name="role"/> is declared.</summary>
    public bool Contains(string role) => _roles.ContainsKey(role);
}
