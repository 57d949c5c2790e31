namespace EcoDamage.Workflow.Server.Identity;

/// <summary>The password rules: long enough, not the user name, not a common password.</summary>
internal static class PasswordRules
{
    /// <summary>A small list of passwords attackers try first (lower-case; compared case-insensitively).</summary>
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "password123456",
        "passwordpassword", "qwertyuiop12", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "iloveyou1234", "administrator", "administrator1", "admin1234567", "admin12345678", "welcome12345",
        "letmein12345", "changeme1234", "abc123456789", "aaaaaaaaaaaa", "000000000000", "111111111111",
        "abcdefghijkl", "zaq12wsxcde3", "p@ssw0rd1234", "p@ssword1234", "woaini1314520", "asdfghjkl123",
    };

    /// <summary>Every rule <paramref name="password"/> breaks for <paramref name="userName"/> (empty when it is acceptable).</summary>
    public static IReadOnlyList<string> Check(PasswordRuleOptions rules, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(password);
        var problems = new List<string>();
        if (password.Length < rules.MinimumLength)
        {
            problems.Add($"a password needs at least {rules.MinimumLength} characters");
        }

        if (password.Length > rules.MaximumLength)
        {
            problems.Add($"a password has at most {rules.MaximumLength} characters");
        }

        if (string.Equals(password.Trim(), userName?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("the password must not be the user name");
        }

        if (Common.Contains(password) || rules.Refused.Contains(password, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("the password is too common");
        }

        if (password.Distinct().Count() < 4)
        {
            problems.Add("the password repeats too few characters");
        }

        return problems;
    }
}
