using EcoDamage.Workflow.Runtime.Accounts;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>A user name and password (<c>POST /api/auth/token</c>, <c>POST /api/auth/login</c>).</summary>
/// <param name="UserName">The sign-in name (case-insensitive).</param>
/// <param name="Password">The password.</param>
internal sealed record SignInRequest(string? UserName, string? Password);

/// <summary>A bearer token issued by this host.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="MustChangePassword">Whether the account may do nothing but change its password (<c>POST /api/auth/password</c>).</param>
internal sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn, DateTimeOffset ExpiresAt, bool MustChangePassword);

/// <summary>The signed-in person of a new cookie session.</summary>
/// <param name="UserName">The account.</param>
/// <param name="DisplayName">The name shown.</param>
/// <param name="Role">The workflow role.</param>
/// <param name="MustChangePassword">Whether the account may do nothing but change its password.</param>
internal sealed record SessionView(string UserName, string DisplayName, string Role, bool MustChangePassword);

/// <summary>The antiforgery token a cookie session's unsafe requests carry in <see cref="HeaderName"/>.</summary>
/// <param name="Token">The request token.</param>
/// <param name="HeaderName">The header to send it in.</param>
internal sealed record AntiforgeryTokenView(string Token, string HeaderName);

/// <summary>A change of one's own password.</summary>
/// <param name="CurrentPassword">The password now.</param>
/// <param name="NewPassword">The new password (rules: <c>Security:Accounts:Password</c>).</param>
internal sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>A new account (administrator).</summary>
/// <param name="UserName">The sign-in name: letters, digits, <c>. _ - @</c>, at most 100.</param>
/// <param name="DisplayName">The name shown (defaults to the user name).</param>
/// <param name="Role">A role of <c>roles.yaml</c>.</param>
/// <param name="Department">A department id of the reference data, or null.</param>
/// <param name="Jurisdiction">A jurisdiction id of the reference data, or null.</param>
/// <param name="Party">A party id, or null.</param>
/// <param name="Password">The initial password; the person must change it at the first sign-in.</param>
internal sealed record CreateAccountRequest(string? UserName, string? DisplayName, string? Role, string? Department, string? Jurisdiction, string? Party, string? Password);

/// <summary>Changes to an account (administrator); a null field is left as it is, an empty one clears it.</summary>
/// <param name="DisplayName">The name shown.</param>
/// <param name="Role">A role of <c>roles.yaml</c>.</param>
/// <param name="Department">A department id, or empty to clear it.</param>
/// <param name="Jurisdiction">A jurisdiction id, or empty to clear it.</param>
/// <param name="Party">A party id, or empty to clear it.</param>
internal sealed record UpdateAccountRequest(string? DisplayName, string? Role, string? Department, string? Jurisdiction, string? Party);

/// <summary>A new password set by an administrator; the person must change it at the next sign-in.</summary>
/// <param name="Password">The new password.</param>
internal sealed record ResetPasswordRequest(string? Password);

/// <summary>An account as the administrator API shows it (never its password hash or stamp).</summary>
internal sealed record AccountView(
    string UserName,
    string DisplayName,
    string Role,
    string? Department,
    string? Jurisdiction,
    string? Party,
    bool Disabled,
    bool MustChangePassword,
    int FailedCount,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt)
{
    public static AccountView Of(Account a) =>
        new(a.UserName, a.DisplayName, a.Role, a.Department, a.Jurisdiction, a.Party, a.Disabled, a.MustChangePassword, a.FailedCount, a.LockedUntil, a.CreatedAt, a.ChangedAt);
}

/// <summary>An entry of the security event log.</summary>
internal sealed record SecurityEventView(Guid Id, DateTimeOffset At, string Kind, string Actor, string? Target, string? Detail, string? RemoteAddress)
{
    public static SecurityEventView Of(SecurityEvent e) => new(e.Id, e.At, e.Kind, e.Actor, e.Target, e.Detail, e.RemoteAddress);
}
