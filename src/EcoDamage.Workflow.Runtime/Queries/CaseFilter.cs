using NodaTime;

namespace EcoDamage.Workflow.Runtime.Queries;

/// <summary>Which cases to list; every criterion given must hold. Values are compared as given (never as patterns).</summary>
/// <param name="States">Innermost states to include (any of them), or empty for every state.</param>
/// <param name="Department">Handling department (the case's <c>referredTo</c>, else <c>routedDepartment</c>).</param>
/// <param name="Jurisdiction">Jurisdiction, exact.</param>
/// <param name="Channel">Clue channel, exact.</param>
/// <param name="Domain">Damage domain, exact.</param>
/// <param name="Text">
/// Text contained in one of the case's text values (description, source reference…), found through the search index
/// for any two or more characters (Chinese needs no spaces).
/// </param>
/// <param name="OverdueAt">Only cases with an active deadline due at or before this instant.</param>
/// <param name="DueBy">Only cases with an active deadline due between <paramref name="DueFrom"/> and this instant.</param>
/// <param name="DueFrom">Lower bound for <paramref name="DueBy"/>.</param>
/// <param name="Page">Page number from 1.</param>
/// <param name="PageSize">Cases per page (1…<see cref="MaxPageSize"/>).</param>
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
    int PageSize = 20)
{
    /// <summary>Which cases the caller reaches (every listing is cut to it in storage, counts included).</summary>
    /// <value><see cref="Access.AccessScope.Nothing"/> unless the caller's scope is given: a listing never widens by default.</value>
    public Access.AccessScope Scope { get; init; } = Access.AccessScope.Nothing;

    /// <summary>The largest page a listing returns.</summary>
    public const int MaxPageSize = 100;
}
