namespace EcoDamage.Workflow.Server.Security;

/// <summary>One embedding system's API key and the actor it stands for.</summary>
internal sealed class ApiKeyEntry
{
    /// <summary>The secret sent in <c>X-Api-Key</c>. Production keys come from configuration or environment variables, never from the repository.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>
    /// Instead of <see cref="Key"/>: the lower- or upper-case hex SHA-256 of the key's UTF-8 bytes, so that production
    /// configuration holds no usable key (<c>printf %s "$KEY" | sha256sum</c>).
    /// </summary>
    public string? KeyHash { get; set; }

    /// <summary>The actor id recorded in the audit trail (the calling system).</summary>
    public string System { get; set; } = string.Empty;

    /// <summary>The workflow role the system acts in (e.g. <c>handlingDepartment</c>).</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The department recorded with the actor, when there is one.</summary>
    public string? Department { get; set; }

    /// <summary>The jurisdiction the system acts for (an id of the reference data, R4), when there is one.</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>The party id or participant account the system acts as (party-scoped roles: an obligor, an appraisal institution), when there is one.</summary>
    public string? Party { get; set; }
}
