namespace EcoDamage.Workflow.Storage.Accounts;

/// <summary>A person's account (table <c>Accounts</c>).</summary>
internal sealed class AccountRow
{
    /// <summary>The lower-case sign-in name, the key.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public required string Role { get; set; }

    public string? Department { get; set; }

    public string? Jurisdiction { get; set; }

    public string? Party { get; set; }

    /// <summary>A PHC string: algorithm, parameters, salt and hash.</summary>
    public required string PasswordHash { get; set; }

    public int FailedCount { get; set; }

    /// <summary>Unix ticks (100 ns), UTC, or null.</summary>
    public long? LockedUntil { get; set; }

    public bool MustChangePassword { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long CreatedAt { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long ChangedAt { get; set; }

    public required string SecurityStamp { get; set; }

    /// <summary>Optimistic concurrency: each update checks and increments it.</summary>
    public long Version { get; set; }
}
