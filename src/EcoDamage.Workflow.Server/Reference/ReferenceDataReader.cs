using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoDamage.Workflow.Server.Reference;

/// <summary>Reads <c>reference/organisation.yaml</c>; every problem is reported with its line, none is skipped.</summary>
internal static class ReferenceDataReader
{
    public const string RelativePath = "reference/organisation.yaml";

    /// <summary>Reads the file under <paramref name="workflowsDirectory"/>; a missing file is no reference data.</summary>
    /// <returns>The data, or the problems found (<c>file:line:col: message</c>).</returns>
    public static (ReferenceData? Data, IReadOnlyList<string> Problems) Read(string workflowsDirectory)
    {
        var path = Path.Combine(workflowsDirectory, RelativePath);
        if (!File.Exists(path))
        {
            return (ReferenceData.Empty, []);
        }

        var problems = new List<string>();
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            return (null, [$"{path}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}"]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [$"{path}:1:1: expected one mapping with 'departments' and 'jurisdictions'"]);
        }

        var departments = Entries(root, "departments", path, problems, withDuty: true);
        var jurisdictions = Entries(root, "jurisdictions", path, problems, withDuty: false);
        return problems.Count > 0 ? (null, problems) : (new ReferenceData(departments, jurisdictions), []);
    }

    private static List<ReferenceEntry> Entries(YamlMappingNode root, string key, string path, List<string> problems, bool withDuty)
    {
        var list = new List<ReferenceEntry>();
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlMappingNode map)
        {
            problems.Add($"{path}:{root.Start.Line}:{root.Start.Column}: '{key}' must be a mapping of ids to names");
            return list;
        }

        foreach (var (idNode, value) in map.Children)
        {
            var id = (idNode as YamlScalarNode)?.Value;
            var fields = value as YamlMappingNode;
            var zh = Scalar(fields, "zh");
            var en = Scalar(fields, "en");
            if (string.IsNullOrWhiteSpace(id) || zh is null || en is null)
            {
                problems.Add($"{path}:{value.Start.Line}:{value.Start.Column}: '{id}' in '{key}' needs zh and en names");
                continue;
            }

            list.Add(new ReferenceEntry(id, zh, en, withDuty ? Scalar(fields, "duty") : null));
        }

        return list;
    }

    private static string? Scalar(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
}
