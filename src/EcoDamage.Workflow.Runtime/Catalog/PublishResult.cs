using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>What publishing a draft came to.</summary>
/// <param name="Outcome">Published, or why not.</param>
/// <param name="Problems">Every problem found (errors refuse the publication; warnings do not).</param>
/// <param name="Subject">What was published: <c>id@version</c> or <c>path#revision</c>; null when nothing was.</param>
public sealed record PublishResult(PublishOutcome? Outcome, IReadOnlyList<Problem> Problems, string? Subject)
{
    /// <summary>True when the draft had errors and nothing was written.</summary>
    public bool Invalid => Outcome is null;
}
