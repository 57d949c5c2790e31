namespace EcoDamage.Workflow.Runtime.Accounts;

/// <summary>The kinds of <see cref="SecurityEvent"/> the account code records (other writers add their own).</summary>
public static class SecurityEventKinds
{
    /// <summary>A person signed in (token or cookie session).</summary>
    public const string SignInSucceeded = "signIn.succeeded";

    /// <summary>A sign-in was refused (unknown user, wrong password, locked or disabled account).</summary>
    public const string SignInFailed = "signIn.failed";

    /// <summary>Repeated failures locked an account.</summary>
    public const string LockedOut = "account.lockedOut";

    /// <summary>A cookie session ended.</summary>
    public const string SignedOut = "signOut";

    /// <summary>A person changed their own password.</summary>
    public const string PasswordChanged = "password.changed";

    /// <summary>The first administrator was created from the settings.</summary>
    public const string AdministratorBootstrapped = "administrator.bootstrapped";

    /// <summary>An administrator created an account.</summary>
    public const string AccountCreated = "account.created";

    /// <summary>An administrator changed an account's role, department, jurisdiction, party or name.</summary>
    public const string AccountChanged = "account.changed";

    /// <summary>An administrator disabled an account.</summary>
    public const string AccountDisabled = "account.disabled";

    /// <summary>An administrator enabled an account again.</summary>
    public const string AccountEnabled = "account.enabled";

    /// <summary>An administrator unlocked an account.</summary>
    public const string AccountUnlocked = "account.unlocked";

    /// <summary>An administrator set a new password that must be changed at the next sign-in.</summary>
    public const string PasswordReset = "account.passwordReset";
}
