namespace EcoDamage.Workflow.Runtime.Accounts;

/// <summary>A person's account in the built-in account store: who they are, what they act as, and the state of their password.</summary>
/// <param name="UserName">The sign-in name, lower-case (the <c>sub</c> claim of the person's tokens).</param>
/// <param name="DisplayName">The name shown to people.</param>
/// <param name="Role">The workflow role (an id of <c>workflows/roles.yaml</c>).</param>
/// <param name="Department">The department (an id of the reference data), or null.</param>
/// <param name="Jurisdiction">The jurisdiction (an id of the reference data), or null.</param>
/// <param name="Party">The party id the person acts as, or null.</param>
/// <param name="PasswordHash">The password's hash with its algorithm and parameters (a PHC string such as <c>$argon2id$v=19$m=…</c>).</param>
public sealed record Account(
    string UserName,
    string DisplayName,
    string Role,
    string? Department,
    string? Jurisdiction,
    string? Party,
    string PasswordHash)
{
    /// <summary>Failed sign-ins since the last success or unlock.</summary>
    public int FailedCount { get; init; }

    /// <summary>The end of a lockout, or null when the account is not locked.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Whether the person must change the password before doing anything else.</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>Whether an administrator disabled the account (no sign-in, sessions end).</summary>
    public bool Disabled { get; init; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the account last changed.</summary>
    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>
    /// A random value replaced whenever what a session relies on changes (password, role, department, jurisdiction,
    /// disabling): tokens and cookies carry it, and one carrying an old stamp is refused.
    /// </summary>
    public string SecurityStamp { get; init; } = string.Empty;

    /// <summary>The row version the store checks on update (optimistic concurrency).</summary>
    public long Version { get; init; }
}
