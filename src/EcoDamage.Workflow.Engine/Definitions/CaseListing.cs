namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>A case's listing and filter columns, read from its data by its definition's <see cref="ListingDefinition"/>.</summary>
/// <param name="Channel">The clue channel.</param>
/// <param name="Domain">The damage domain.</param>
/// <param name="Jurisdiction">The jurisdiction.</param>
/// <param name="Department">The handling department.</param>
public sealed record CaseListing(string? Channel, string? Domain, string? Jurisdiction, string? Department)
{
    /// <summary>No columns: a definition without a <c>listing:</c> block.</summary>
    public static CaseListing None { get; } = new(null, null, null, null);

    /// <summary>
    /// The department that referred the case and keeps seeing its status (R8): a later field of the department column
    /// holding a value other than the handling department's (<c>[referredTo, routedDepartment]</c>: the routed one), or null.
    /// </summary>
    public string? ReferringDepartment { get; init; }
}
