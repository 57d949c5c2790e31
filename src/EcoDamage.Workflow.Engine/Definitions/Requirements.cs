namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>Data fields and documents that must be present before a trigger may fire.</summary>
/// <param name="Data">Required fields (present in the case or supplied with the trigger).</param>
/// <param name="Documents">Required documents (attached to the case).</param>
public sealed record Requirements(IReadOnlyList<Token> Data, IReadOnlyList<Token> Documents)
{
    /// <summary>No requirements.</summary>
    public static Requirements None { get; } = new([], []);

    /// <summary>True when nothing is required.</summary>
    public bool IsEmpty => Data.Count == 0 && Documents.Count == 0;
}
