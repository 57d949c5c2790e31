using EcoDamage.Workflow.Runtime.Accounts;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The result of a sign-in: the account, or why there is none.</summary>
/// <param name="Account">The signed-in account, or null.</param>
/// <param name="Refusal">Why the sign-in was refused, or null on success.</param>
internal sealed record SignInOutcome(Account? Account, SignInRefusal? Refusal)
{
    public static SignInOutcome Success(Account account) => new(account, null);

    public static SignInOutcome Refused(SignInRefusal refusal) => new(null, refusal);
}

/// <summary>Why a sign-in was refused.</summary>
internal enum SignInRefusal
{
    /// <summary>Unknown user name or wrong password (the caller is not told which).</summary>
    WrongCredentials,

    /// <summary>The account is locked after repeated failures.</summary>
    LockedOut,

    /// <summary>An administrator disabled the account.</summary>
    Disabled,
}
