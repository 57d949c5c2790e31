namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>Who fires a trigger: a person or an embedding system, acting in a role.</summary>
/// <param name="Id">User or system id.</param>
/// <param name="Role">The role acted in (checked against the trigger's roles).</param>
/// <param name="Department">The actor's department, when relevant.</param>
public sealed record Actor(string Id, string Role, string? Department = null)
{
    /// <summary>The engine itself (auto-fired triggers, call outcomes).</summary>
    public static Actor System { get; } = new("engine", Definitions.RoleCatalog.System);

    /// <summary>The party of the case the actor acts as (an obligor or rights holder id), when it acts as one.</summary>
    /// <value>Null: the actor acts in its role only.</value>
    public string? Party { get; init; }
}
