using System.Text.RegularExpressions;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>The roles of <c>workflows/roles.yaml</c> with their declared access, read from the file itself.</summary>
public static partial class MatrixRoles
{
    public static IReadOnlyList<MatrixCaller> Callers { get; } = Read();

    private static MatrixCaller[] Read()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Workflows, "roles.yaml"));
        var roles = lines.Select(l => Entry().Match(l)).Where(m => m.Success).Select(m => (
            Role: m.Groups[1].Value,
            Scope: Value(m.Groups[2].Value, "scope") ?? "none",
            ReadOnly: Value(m.Groups[2].Value, "readOnly") == "true")).ToArray();
        Assert.True(roles.Length >= 15, "roles.yaml: fewer roles than expected were read");
        return roles.SelectMany(r => new[] { (true, true), (false, true), (true, false), (false, false) }
            .Select(v => new MatrixCaller(r.Role, r.Scope, r.ReadOnly, v.Item1, v.Item2))).ToArray();
    }

    private static string? Value(string body, string key) =>
        Regex.Match(body, $@"\b{key}:\s*([A-Za-z]+)") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^  ([A-Za-z]+):\s*\{(.*)\}\s*$")]
    private static partial Regex Entry();
}
