using System.Security.Claims;
using EcoDamage.Workflow.Runtime.Accounts;
using EcoDamage.Workflow.Server.Security;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>
/// Whether a session of a built-in account (a cookie, or a token this host issued) still stands: the account exists,
/// is enabled and still has the security stamp the session began with (a password change, reset, role or department
/// change, or disabling ends every earlier session).
/// </summary>
internal static class AccountSessions
{
    /// <summary>
    /// Checks <paramref name="principal"/> when it carries a <see cref="PeopleClaims.Stamp"/>; principals without one
    /// (tokens of an external issuer sharing the key) are not account sessions and stand as they are.
    /// </summary>
    public static async Task<bool> StandsAsync(ClaimsPrincipal? principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        var stamp = principal?.FindFirstValue(PeopleClaims.Stamp);
        if (stamp is null)
        {
            return principal is not null;
        }

        var name = principal!.FindFirstValue(CallerClaims.Subject);
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var account = await services.GetRequiredService<IAccountStore>().FindAsync(name, cancellationToken).ConfigureAwait(false);
        return account is { Disabled: false } && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
