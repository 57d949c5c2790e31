namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>The catalog documents an administrator may draft and publish, by path.</summary>
public static class DocumentPaths
{
    /// <summary>
    /// True for <c>roles.yaml</c>, <c>ledger.yaml</c>, <c>calendars/*.yaml</c>, <c>reference/*.yaml</c>,
    /// <c>tables/*.yaml</c> and <c>scenarios/*.scenario.yaml</c>: one folder level, a plain file name.
    /// </summary>
    public static bool IsAllowed(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > 200)
        {
            return false;
        }

        if (path is "roles.yaml" or "ledger.yaml")
        {
            return true;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || path.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        var folder = path[..slash];
        var name = path[(slash + 1)..];
        var plain = name.Length > 5 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !name.StartsWith('.');
        return plain && folder switch
        {
            "calendars" or "reference" or "tables" => name.EndsWith(".yaml", StringComparison.Ordinal),
            "scenarios" => name.EndsWith(".scenario.yaml", StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>True for a holiday calendar (publishing one may settle provisional deadlines).</summary>
    public static bool IsCalendar(string path) => path.StartsWith("calendars/", StringComparison.Ordinal);
}
