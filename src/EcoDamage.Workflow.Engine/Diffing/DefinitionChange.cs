namespace EcoDamage.Workflow.Engine.Diffing;

/// <summary>One semantic difference between two versions of a definition.</summary>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Element">What kind of element it is about.</param>
/// <param name="Path">
/// A stable locator shaped like a JSON pointer over the definition file's keys, by ids rather than positions
/// (<c>states/Negotiating/deadlines/consultationPeriod/period</c>, <c>triggers/SignAgreement/roles/rightsHolder</c>);
/// alternatives of one trigger in a state are numbered from 1 (<c>states/Litigation/on/DeliverJudgment/2</c>) when
/// either version has more than one.
/// </param>
/// <param name="Before">The older value as shown to people (<c>90d</c>, <c>500000</c>); null when added.</param>
/// <param name="After">The newer value as shown to people; null when removed.</param>
public sealed record DefinitionChange(ChangeKind Kind, ChangeElement Element, string Path, string? Before, string? After)
{
    /// <summary>What the change is about, outermost first; the last one is the element itself.</summary>
    internal IReadOnlyList<ChangeSubject> Subjects { get; init; } = [];

    /// <summary>The property of the last subject that changed (<c>period</c>, <c>guard</c>), or null when the subject itself is.</summary>
    internal ChangeNoun? Aspect { get; init; }

    /// <summary>
    /// The change as one sentence: <c>参数 simplifiedThreshold（简易评估认定程序金额上限）由 500000 改为 1000000</c>, or in
    /// English <c>Parameter simplifiedThreshold (Simplified-procedure ceiling) changed from 500000 to 1000000</c>.
    /// </summary>
    /// <param name="language"><c>en</c> for English; anything else (<c>zh</c>) for Chinese.</param>
    /// <returns>The sentence, without a final full stop.</returns>
    public string Describe(string language) => ChangeSentence.Write(this, string.Equals(language, "en", StringComparison.OrdinalIgnoreCase));
}
