namespace EcoDamage.Workflow.Server.Inbound;

/// <summary>One embedding system allowed to post inbound hooks, and the actor its hooks act as.</summary>
internal sealed class InboundHookSystem
{
    /// <summary>
    /// The shared signing secret, <c>whsec_</c> + base64 of 24 to 64 random bytes. Production secrets come from
    /// configuration or environment variables (<c>Hooks__Inbound__Systems__court__Secret</c>), never from the repository.
    /// </summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>
    /// Further secrets accepted beside <see cref="Secret"/>, for a change-over (<c>Hooks__Inbound__Systems__court__Secrets__0</c>);
    /// managed secrets (<c>/api/admin/hook-secrets/{system}</c>) are accepted too.
    /// </summary>
    /// <value>Empty by default.</value>
    public IList<string> Secrets { get; } = [];

    /// <summary>The actor id recorded in the audit trail (the posting system).</summary>
    public string System { get; set; } = string.Empty;

    /// <summary>The workflow role the system acts in (an id from <c>workflows/roles.yaml</c>, e.g. <c>court</c>).</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The department recorded with the actor, when there is one.</summary>
    public string? Department { get; set; }

    /// <summary>The jurisdiction the system acts for (an id of the reference data, R4), when there is one.</summary>
    public string? Jurisdiction { get; set; }
}
