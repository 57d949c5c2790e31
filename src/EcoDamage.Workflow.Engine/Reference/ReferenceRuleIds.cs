namespace EcoDamage.Workflow.Engine.Reference;

/// <summary>The rule identifiers of the problems <see cref="ReferenceDataLoader"/> reports.</summary>
public static class ReferenceRuleIds
{
    /// <summary>REF001: the file is not well-formed YAML, is empty or holds more than one document.</summary>
    public const string MalformedYaml = "REF001";

    /// <summary>REF002: the file is not one mapping, or <c>departments</c> or <c>jurisdictions</c> is not a mapping of ids to names.</summary>
    public const string InvalidSection = "REF002";

    /// <summary>REF003: an entry lacks its id, its <c>zh</c> name or its <c>en</c> name, or its id is listed twice.</summary>
    public const string InvalidEntry = "REF003";
}
