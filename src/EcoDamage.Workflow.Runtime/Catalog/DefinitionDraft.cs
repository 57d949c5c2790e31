using NodaTime;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>An administrator's unpublished change: editable, discardable, never in force.</summary>
/// <param name="Id">Draft id.</param>
/// <param name="Kind">What it will publish.</param>
/// <param name="Path">For a <see cref="DraftKind.Document"/>, the document's path; null for a definition.</param>
/// <param name="BasedOn">What it was started from (<c>claim@2.0.0</c>, <c>calendars/cn-mainland.yaml#2</c>), or null.</param>
/// <param name="Format"><c>yaml</c> or <c>json</c>.</param>
/// <param name="Text">Its current text.</param>
/// <param name="Revision">1 when created, one more for each saved edit (the ETag).</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="UpdatedBy">Who saved it last.</param>
/// <param name="UpdatedAt">When.</param>
public sealed record DefinitionDraft(
    string Id,
    DraftKind Kind,
    string? Path,
    string? BasedOn,
    string Format,
    string Text,
    int Revision,
    string CreatedBy,
    Instant CreatedAt,
    string UpdatedBy,
    Instant UpdatedAt);
