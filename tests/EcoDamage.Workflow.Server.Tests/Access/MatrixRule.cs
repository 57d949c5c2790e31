namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>What the authorization matrix expects of one endpoint, for every caller.</summary>
public enum MatrixRule
{
    /// <summary>No caller needed (health, OpenAPI): any caller gets no 401/403.</summary>
    Anonymous,

    /// <summary>Any authenticated caller, no case involved (definitions, reference data, who-am-I): no 401/403.</summary>
    Authenticated,

    /// <summary>Reads one case: 2xx when the caller's read scope covers it, else 404 (existence not revealed).</summary>
    Read,

    /// <summary>Changes one case: 404 when the caller does not read it, 403 when it only reads it, else past the check (the probe is a stale If-Match or a duplicate: 409/422, never a change).</summary>
    Act,

    /// <summary>A listing or feed: 200; the case appears only when the caller reads it.</summary>
    List,

    /// <summary>Registers a clue in the case's jurisdiction: 403 unless the caller acts there (the probe reuses a taken case id: nothing is created).</summary>
    Register,

    /// <summary>Oversight (a case's read log): 403 unless the role is read-only (auditor, administrator).</summary>
    Oversight,

    /// <summary>Administration (definitions, users, keys): 403 unless the caller is the administrator.</summary>
    Admin,

    /// <summary>Changes one case in a role that must also fire triggers of it (links): as <see cref="Act"/>, but a role firing no trigger may get 403 too.</summary>
    ActInRole,

    /// <summary>Sign-in with a user name and password: wrong credentials are 401 whoever calls (an API key signs no one in).</summary>
    SignIn,

    /// <summary>A person's own account (password change): every system calling with an API key gets 403.</summary>
    AccountOnly,

    /// <summary>Another caller's webhook subscription: 404 for everyone (never revealed) but the administrator, who manages it.</summary>
    OwnedByOther,

    /// <summary>A signed inbound hook: an API key is no signature, so every caller of the matrix gets 401.</summary>
    Signed,

    /// <summary>Checked by another part of the issue (signed hooks, webhooks, extensions): listed so the table is complete; the lead sets its rule at merge.</summary>
    Pending,
}
