namespace EcoDamage.Workflow.Server.Identity;

/// <summary>User names as stored: trimmed, lower-case, letters, digits and <c>. _ - @</c>, at most 100 characters.</summary>
internal static class UserNames
{
    /// <summary>The longest user name.</summary>
    public const int MaxLength = 100;

    /// <summary>The stored form of <paramref name="userName"/>, or null when it cannot be a user name.</summary>
    public static string? Normalize(string? userName)
    {
        var name = userName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            return null;
        }

        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@') ? name : null;
    }
}
