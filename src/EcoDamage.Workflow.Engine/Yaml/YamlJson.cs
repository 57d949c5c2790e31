using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Yaml;

/// <summary>
/// Converts a YAML document to JSON faithfully under the YAML 1.2 core schema: plain scalars that read as
/// null, booleans or numbers become JSON null, booleans and numbers; quoted and block scalars (and
/// <c>!!str</c>) stay strings; aliases are resolved to copies of their anchored node. Read through the engine's
/// one YAML stack (<see cref="YamlNodeReader"/>); a repeated key keeps its last value.
/// </summary>
public static partial class YamlJson
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The document of <paramref name="yaml"/> as JSON; null for an empty text.</summary>
    /// <param name="yaml">One YAML (or JSON) document.</param>
    /// <returns>The JSON, or null when the text holds no document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> is null.</exception>
    /// <exception cref="FormatException">The text is not well-formed YAML (the message lists the problems).</exception>
    public static JsonNode? Convert(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var problems = new ProblemList();
        if (YamlNodeReader.Read(yaml, "<yaml>", problems) is { } root)
        {
            return ToJson(root);
        }

        return problems.Items is [{ Message: var only }] && only == YamlDialect.Definitions.Empty
            ? null
            : throw new FormatException(string.Join(Environment.NewLine, problems.Items));
    }

    private static JsonNode? ToJson(YNode node) => node switch
    {
        YMapping mapping => Object(mapping),
        YSequence sequence => new JsonArray(sequence.Items.Select(ToJson).ToArray()),
        YScalar scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject Object(YMapping mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Entries)
        {
            result[key.Value] = ToJson(value);
        }

        return result;
    }

    private static JsonValue? Scalar(YScalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.IsPlain || scalar.Tag == StringTag)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? JsonValue.Create(integer)
                : BigInteger(text);
        }

        if (FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        // .inf, .nan, octal/hex forms and everything else have no faithful JSON number: keep the text.
        return JsonValue.Create(text);
    }

    /// <summary>An integer beyond 64 bits, kept digit for digit as a JSON number.</summary>
    private static JsonValue BigInteger(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('-', '+').TrimStart('0');
        return JsonNode.Parse((negative ? "-" : string.Empty) + (digits.Length == 0 ? "0" : digits))!.AsValue();
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
