using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcoDamage.Workflow.TestUtils;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoDamage.Workflow.Engine.Tests.Schema;

/// <summary>workflows/schema/workflow.schema.json accepts every shipped definition and rejects unknown keys.</summary>
public sealed partial class WorkflowSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "schema", "workflow.schema.json"))));

    public static TheoryData<string> ShippedDefinitions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Workflows, "*.workflow.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_are_shipped_definitions() => Assert.NotEmpty(ShippedDefinitions());

    [Theory]
    [MemberData(nameof(ShippedDefinitions))]
    public void Shipped_definition_validates(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file));
        Assert.StartsWith("# yaml-language-server: $schema=schema/workflow.schema.json", text, StringComparison.Ordinal);

        var results = Evaluate(YamlToJson(text));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Unknown_key_is_rejected()
    {
        var json = YamlToJson(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "claim.workflow.yaml")))!.AsObject();
        json["states"]!["ClueScreening"]!["ownr"] = "handlingDepartment";

        Assert.False(Evaluate(json).IsValid);
    }

    [Theory]
    [InlineData("colour: green", "unknown top-level key")]
    [InlineData("states: { A: { zh: 甲, en: A, on: { Go: { to: B, target: B } } } }", "unknown transition key")]
    [InlineData("states: { A: { zh: 甲, en: A, onEntry: [ { notify: court, publish: X } ] } }", "two action kinds")]
    [InlineData("states: { A: { zh: 甲, en: A, deadlines: { d: { zh: 期, en: D, period: 30d, due: field:x } } } }", "period and due")]
    [InlineData("holidayRule: sometimes", "unknown holiday rule")]
    public void Invalid_shapes_are_rejected(string yaml, string why)
    {
        var json = YamlToJson(MinimalDefinition)!.AsObject();
        foreach (var (key, value) in YamlToJson(yaml)!.AsObject().ToList())
        {
            json[key] = value?.DeepClone();
        }

        Assert.True(Evaluate(YamlToJson(MinimalDefinition)).IsValid, "the minimal definition itself must validate");
        Assert.False(Evaluate(json).IsValid, why);
    }

    private const string MinimalDefinition = """
        id: tiny
        version: 1.0.0
        zh: 小流程
        en: Tiny
        effective: { from: 2024-01-01 }
        calendar: cn-mainland
        initial: A
        states:
          A: { zh: 甲, en: A, on: { Go: B } }
          B: { zh: 乙, en: B, terminal: true }
        """;

    private static EvaluationResults Evaluate(JsonNode? json) =>
        Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) =>
        string.Join('\n', results.Details
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));

    /// <summary>
    /// YAML to JSON as a YAML 1.2 core-schema reader sees it: plain scalars that look like integers,
    /// decimals, booleans or null become JSON numbers, booleans and null; quoted scalars stay strings.
    /// Aliases are resolved to the anchored node.
    /// </summary>
    private static JsonNode? YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when IntegerPattern().IsMatch(text) => JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)),
            _ when DecimalPattern().IsMatch(text) => JsonValue.Create(decimal.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex DecimalPattern();
}
