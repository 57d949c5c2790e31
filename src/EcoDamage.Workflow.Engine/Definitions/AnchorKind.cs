namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>What a deadline counts from.</summary>
public enum AnchorKind
{
    /// <summary>The instant the state was entered.</summary>
    Entered,

    /// <summary>A date field of the case (e.g. the agreement's signing date).</summary>
    Field,

    /// <summary>The service date of a document (e.g. the written notice of consultation).</summary>
    Document,
}
