using System.Security.Cryptography;
using EcoDamage.Workflow.Runtime.Accounts;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The outcome of a change to an account: the account, or what was wrong.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Account">The account after the change, when there is one.</param>
/// <param name="Errors">Invalid fields and why (for <see cref="AccountChangeStatus.Invalid"/>).</param>
internal sealed record AccountChange(AccountChangeStatus Status, Account? Account, Dictionary<string, string[]> Errors)
{
    public static AccountChange Done(Account account) => new(AccountChangeStatus.Done, account, []);

    public static AccountChange Of(AccountChangeStatus status) => new(status, null, []);

    public static AccountChange Invalid(Dictionary<string, string[]> errors) => new(AccountChangeStatus.Invalid, null, errors);

    /// <summary>A fresh security stamp (ends every session that carries the old one).</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

/// <summary>What a change to an account came to.</summary>
internal enum AccountChangeStatus
{
    /// <summary>Changed.</summary>
    Done,

    /// <summary>Refused: see the errors.</summary>
    Invalid,

    /// <summary>No such account.</summary>
    NotFound,

    /// <summary>The user name is taken, or another writer changed the account at the same time.</summary>
    Conflict,

    /// <summary>The current password given was wrong.</summary>
    WrongPassword,
}
