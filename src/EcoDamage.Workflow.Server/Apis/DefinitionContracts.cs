namespace EcoDamage.Workflow.Server.Apis;

/// <summary>A title in Chinese (the legal term) and English.</summary>
internal sealed record LocalizedTitle(string Zh, string En);

/// <summary>One definition version in the list.</summary>
/// <param name="Id">Definition id.</param>
/// <param name="Version">Semantic version.</param>
/// <param name="Title">Title.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="EffectiveTo">Last day in force; null when open-ended.</param>
/// <param name="InForce">True when in force on <see cref="DefinitionList.Today"/>.</param>
internal sealed record DefinitionSummary(
    string Id,
    string Version,
    LocalizedTitle Title,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    bool InForce)
{
    /// <summary><c>published</c>, <c>withdrawn</c>, or <c>file</c> (folder mode).</summary>
    public string Status { get; init; } = "file";

    /// <summary>Who published it (database mode).</summary>
    public string? PublishedBy { get; init; }

    /// <summary>When (database mode).</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Why (database mode).</summary>
    public string? Reason { get; init; }

    /// <summary>SHA-256 of the published text (database mode).</summary>
    public string? ContentHash { get; init; }
}

/// <summary>Every definition version, by id then newest version first.</summary>
/// <param name="Today">Today's date in Asia/Shanghai, which <see cref="DefinitionSummary.InForce"/> refers to.</param>
/// <param name="Definitions">The versions.</param>
internal sealed record DefinitionList(DateOnly Today, IReadOnlyList<DefinitionSummary> Definitions);

/// <summary>One problem in a posted definition.</summary>
/// <param name="Rule">Rule id (<c>WF011</c>, see docs/validation-rules.md).</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Line">1-based line in the posted text.</param>
/// <param name="Column">1-based column.</param>
internal sealed record ValidationProblemItem(string Rule, string Severity, string Message, int Line, int Column);

/// <summary>The outcome of validating a posted definition against the catalog.</summary>
/// <param name="Valid">True when there are no errors (warnings allowed).</param>
/// <param name="Problems">Every problem, errors and warnings.</param>
internal sealed record ValidationReport(bool Valid, IReadOnlyList<ValidationProblemItem> Problems);
