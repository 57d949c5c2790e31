using NodaTime;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>One published definition version as stored: immutable text and the record of its publication.</summary>
/// <param name="DefinitionId">Definition id.</param>
/// <param name="Version">Semantic version text (<c>2.1.0</c>).</param>
/// <param name="Format"><c>yaml</c> or <c>json</c>.</param>
/// <param name="Text">The definition exactly as published.</param>
/// <param name="ContentHash">SHA-256 (hex) of the UTF-8 text.</param>
/// <param name="EffectiveFrom">First day in force as declared (ISO date).</param>
/// <param name="EffectiveTo">Last day in force as declared (ISO date), or null for an open end.</param>
/// <param name="Published">Who published it, when and why.</param>
/// <param name="Origin"><c>seed</c> (imported from the catalog folder) or <c>draft</c>.</param>
public sealed record PublishedDefinition(
    string DefinitionId,
    string Version,
    string Format,
    string Text,
    string ContentHash,
    string EffectiveFrom,
    string? EffectiveTo,
    Publication Published,
    string Origin)
{
    /// <summary><c>id@version</c>.</summary>
    public string Key => $"{DefinitionId}@{Version}";

    /// <summary>Set once the version is withdrawn.</summary>
    public Publication? Withdrawn { get; init; }
}

/// <summary>Who did an administrative act, in which role, when and why.</summary>
/// <param name="By">The caller's subject.</param>
/// <param name="Role">The caller's role.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, as the administrator wrote it.</param>
public sealed record Publication(string By, string Role, Instant At, string Reason);
