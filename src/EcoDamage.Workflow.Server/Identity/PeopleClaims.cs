using System.Security.Claims;
using EcoDamage.Workflow.Runtime.Accounts;
using EcoDamage.Workflow.Server.Security;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The claims of a built-in account's sessions and tokens: <see cref="CallerClaims"/> plus the account's stamp.</summary>
internal static class PeopleClaims
{
    /// <summary>The account's security stamp when the session began; a session whose stamp is no longer the account's is refused.</summary>
    public const string Stamp = "stamp";

    /// <summary>Present (<c>true</c>) while the person must change the password before doing anything else.</summary>
    public const string MustChangePassword = "must_change_password";

    /// <summary>The claims of <paramref name="account"/>.</summary>
    public static List<Claim> Of(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(CallerClaims.Subject, account.UserName),
            new(CallerClaims.Role, account.Role),
            new(Stamp, account.SecurityStamp),
        };
        Add(claims, CallerClaims.Department, account.Department);
        Add(claims, CallerClaims.Jurisdiction, account.Jurisdiction);
        Add(claims, CallerClaims.Party, account.Party);
        if (account.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePassword, "true"));
        }

        return claims;
    }

    /// <summary>A principal of <paramref name="account"/> for <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Principal(Account account, string scheme) =>
        new(new ClaimsIdentity(Of(account), scheme, CallerClaims.Subject, CallerClaims.Role));

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
