namespace EcoDamage.Workflow.Server.Tests.Administration;

/// <summary>Edits of the shipped claim definition (workflows/claim.workflow.yaml, 2.0.0) that make a next version.</summary>
public static class ClaimEdits
{
    /// <summary>Version <paramref name="version"/> in force from <paramref name="from"/> (open end).</summary>
    public static string Renumber(string text, string version, string from) =>
        Replace(Replace(text, "version: 2.0.0", $"version: {version}"),
            "effective: { from: 2023-05-01, to: 2028-04-30 }", $"effective: {{ from: {from} }}");

    /// <summary>R13/N8: the simplified procedure's ceiling raised from ¥500,000 to ¥1,000,000.</summary>
    public static string RaiseSimplifiedThreshold(string text) => Replace(text, "    value: 500000\n", "    value: 1000000\n");

    private static string Replace(string text, string old, string @new)
    {
        Assert.Contains(old, text);
        return text.Replace(old, @new, StringComparison.Ordinal);
    }
}
