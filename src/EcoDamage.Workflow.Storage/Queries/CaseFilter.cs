using NodaTime;

namespace EcoDamage.Workflow.Storage.Queries;

/// <summary>Which cases to list; every criterion given must hold.</summary>
/// <param name="States">Innermost states to include (any of them), or empty for every state.</param>
/// <param name="Department">Handling department (the case's <c>referredTo</c>, else <c>routedDepartment</c>).</param>
/// <param name="Jurisdiction">Jurisdiction, exact.</param>
/// <param name="Channel">Clue channel, exact.</param>
/// <param name="Domain">Damage domain, matched in the snapshot.</param>
/// <param name="Text">Text contained in the case's data (description, source reference…).</param>
/// <param name="OverdueAt">Only cases with an active deadline due at or before this instant.</param>
/// <param name="DueBy">Only cases with an active deadline due between <paramref name="DueFrom"/> and this instant.</param>
/// <param name="DueFrom">Lower bound for <paramref name="DueBy"/>.</param>
/// <param name="Page">Page number from 1.</param>
/// <param name="PageSize">Cases per page.</param>
public sealed record CaseFilter(
    IReadOnlyList<string> States,
    string? Department = null,
    string? Jurisdiction = null,
    string? Channel = null,
    string? Domain = null,
    string? Text = null,
    Instant? OverdueAt = null,
    Instant? DueBy = null,
    Instant? DueFrom = null,
    int Page = 1,
    int PageSize = 20);
