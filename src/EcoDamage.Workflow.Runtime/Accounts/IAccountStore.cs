namespace EcoDamage.Workflow.Runtime.Accounts;

/// <summary>The built-in account store (people who sign in with a user name and password).</summary>
public interface IAccountStore
{
    /// <summary>The account named <paramref name="userName"/> (lower-case), or null.</summary>
    Task<Account?> FindAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>One page of accounts in user-name order.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Accounts per page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Account>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Whether any account exists.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an account; false when its user name is taken.</summary>
    Task<bool> AddAsync(Account account, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored account when its stored version is still <see cref="Account.Version"/>, storing the
    /// version plus one; false when the account is gone or another writer changed it first.
    /// </summary>
    Task<bool> UpdateAsync(Account account, CancellationToken cancellationToken = default);
}
