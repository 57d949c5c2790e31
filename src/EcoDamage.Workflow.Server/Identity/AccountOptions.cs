namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The built-in account store's settings, bound from <c>Security:Accounts</c>.</summary>
internal sealed class AccountOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:Accounts";

    /// <summary>Password rules.</summary>
    public PasswordRuleOptions Password { get; set; } = new();

    /// <summary>Argon2id cost parameters for new hashes (stored in each hash, so they can be raised later).</summary>
    public Argon2Options Argon2 { get; set; } = new();

    /// <summary>Lockout after repeated failures.</summary>
    public LockoutOptions Lockout { get; set; } = new();

    /// <summary>The first administrator, created at start-up when no account exists yet.</summary>
    public BootstrapAdministratorOptions BootstrapAdministrator { get; set; } = new();

    /// <summary>How long a bearer token from <c>POST /api/auth/token</c> is valid.</summary>
    /// <value>Default: 15 minutes.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a cookie session lasts without a request (sliding expiry).</summary>
    /// <value>Default: 30 minutes.</value>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Password rules of the built-in account store.</summary>
internal sealed class PasswordRuleOptions
{
    /// <summary>The shortest password accepted.</summary>
    /// <value>Default: 12 characters.</value>
    public int MinimumLength { get; set; } = 12;

    /// <summary>The longest password accepted (a bound on hashing work).</summary>
    /// <value>Default: 256 characters.</value>
    public int MaximumLength { get; set; } = 256;

    /// <summary>Passwords refused besides the built-in list of common ones (compared case-insensitively).</summary>
    public List<string> Refused { get; set; } = [];
}

/// <summary>Argon2id parameters.</summary>
internal sealed class Argon2Options
{
    /// <summary>Memory in KiB.</summary>
    /// <value>
    /// Default: 19456 (19 MiB) with 2 iterations, OWASP's recommended Argon2id configuration: 68–143 ms per hash on the
    /// 2-core reference machine under a load average of 20 (docs/benchmarks.md), well under 100 ms on an idle core.
    /// </value>
    public int MemoryKiB { get; set; } = 19456;

    /// <summary>Passes over the memory.</summary>
    /// <value>Default: 2.</value>
    public int Iterations { get; set; } = 2;

    /// <summary>Lanes computed in parallel.</summary>
    /// <value>Default: 1 (a sign-in occupies one core, not all of them).</value>
    public int Parallelism { get; set; } = 1;
}

/// <summary>Lockout after repeated sign-in failures.</summary>
internal sealed class LockoutOptions
{
    /// <summary>Failures in a row that lock an account.</summary>
    /// <value>Default: 5.</value>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a lockout lasts (measured with the host's clock).</summary>
    /// <value>Default: 15 minutes.</value>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>The first administrator's credentials; it must change the password at its first sign-in.</summary>
internal sealed class BootstrapAdministratorOptions
{
    /// <summary>The user name; no administrator is created without one.</summary>
    public string? UserName { get; set; }

    /// <summary>The initial password (from the deployment's secret store; never committed for production).</summary>
    public string? Password { get; set; }
}
