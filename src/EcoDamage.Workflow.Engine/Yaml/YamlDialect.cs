namespace EcoDamage.Workflow.Engine.Yaml;

/// <summary>
/// How one kind of file reports what the YAML layer finds: the rule ids and wording of syntax errors, of an
/// empty file and of a second document, and whether aliases are allowed. Everything above the YAML layer
/// (fields, duplicates, values) is the reader's own.
/// </summary>
/// <param name="SyntaxRuleId">The rule of a syntax error, a second document, too deep nesting or a refused alias.</param>
/// <param name="Syntax">The message for a YamlDotNet syntax error, given its message.</param>
/// <param name="Malformed">The message for input YamlDotNet fails on without a syntax error, given the exception's message.</param>
/// <param name="EmptyRuleId">The rule of an empty file.</param>
/// <param name="Empty">The message for an empty file.</param>
/// <param name="SecondDocument">The message for a second document in the file.</param>
/// <param name="KeepFirstDocument">Whether the first document is still read after a second one is reported.</param>
/// <param name="RefusedAlias">The message for an alias, given its name; null when aliases are allowed.</param>
internal sealed record YamlDialect(
    string SyntaxRuleId,
    Func<string, string> Syntax,
    Func<string, string> Malformed,
    string EmptyRuleId,
    string Empty,
    string SecondDocument,
    bool KeepFirstDocument,
    Func<string, string>? RefusedAlias)
{
    /// <summary>Definitions, roles, tables and scenarios: <c>WF001</c>, aliases allowed.</summary>
    public static readonly YamlDialect Definitions = new(
        "WF001",
        message => $"YAML syntax: {WithoutPosition(message)}",
        message => $"YAML syntax: {message}",
        "WF001",
        "the file is empty",
        "only one document per file is allowed",
        KeepFirstDocument: false,
        RefusedAlias: null);

    /// <summary>
    /// Holiday calendars: <c>CAL001</c> and <c>CAL002</c>. Aliases are refused: calendar files do not need
    /// them, and YamlDotNet 18 overflowed the stack resolving an alias used as a key before its anchor.
    /// </summary>
    public static readonly YamlDialect Calendars = new(
        "CAL001",
        message => $"The file is not well-formed YAML: {message}",
        _ => "The file is not well-formed YAML near here (check brackets, braces and quotes).",
        "CAL002",
        "The file is empty; expected a mapping with the fields id, zone and years.",
        "The file holds more than one YAML document; a calendar file holds exactly one.",
        KeepFirstDocument: true,
        RefusedAlias: alias => $"Aliases (*{alias}) are not supported in calendar files; write the value out.");

    /// <summary>Reference data (<c>reference/organisation.yaml</c>): <c>REF001</c>, aliases allowed.</summary>
    public static readonly YamlDialect ReferenceData = Definitions with { SyntaxRuleId = "REF001", EmptyRuleId = "REF001" };

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the position is reported separately.</summary>
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }
}
