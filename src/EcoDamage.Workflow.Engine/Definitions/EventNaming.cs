namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>
/// The defaults of the event names a definition declares (see docs/definition-format.md, "Events"): a start
/// is <see cref="Started"/> unless <c>start: { event: … }</c> says otherwise, a state change is
/// <see cref="StateChanged"/> unless its trigger declares <c>event:</c>, and <c>publish: SomeName</c> is
/// <c>case.someName</c> unless the action declares <c>event:</c>.
/// </summary>
public static class EventNaming
{
    /// <summary>The event of a start that declares none.</summary>
    public const string Started = "case.started";

    /// <summary>The event of a state change whose trigger declares none.</summary>
    public const string StateChanged = "case.stateChanged";

    /// <summary>The prefix of a published event's derived name.</summary>
    public const string PublishedPrefix = "case.";

    /// <summary>The derived name of <c>publish: <paramref name="target"/></c>: <c>case.</c> + the camel-cased target.</summary>
    /// <param name="target">The publish target (<c>CaseOpened</c>).</param>
    /// <returns>The event name (<c>case.caseOpened</c>).</returns>
    public static string Published(string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        return PublishedPrefix + char.ToLowerInvariant(target[0]) + target[1..];
    }

    /// <summary>Whether <paramref name="name"/> is an event name: two or more dot-separated words of ASCII letters and digits, each starting with a lower-case letter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when it is well formed.</returns>
    public static bool IsValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('.');
        return name.Length <= 128 && parts.Length >= 2
            && parts.All(p => p.Length > 0 && char.IsAsciiLetterLower(p[0]) && p.All(char.IsAsciiLetterOrDigit));
    }
}
