namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>The anchor of a deadline: entry, a date field, or a document's service date.</summary>
/// <param name="Kind">Kind of anchor.</param>
/// <param name="Name">The field or document id; null for <see cref="AnchorKind.Entered"/>.</param>
public sealed record DeadlineAnchor(AnchorKind Kind, Token? Name)
{
    /// <summary>Counts from the state's entry.</summary>
    public static DeadlineAnchor Entered { get; } = new(AnchorKind.Entered, null);
}
