using EcoDamage.Workflow.Runtime.Access;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>Whether a subscription's filters stay within the cases its owner reads (an administrator's may ask for anything).</summary>
internal static class SubscriptionScope
{
    /// <summary>Why <paramref name="input"/> reaches beyond <paramref name="caller"/>'s cases, or null when it does not.</summary>
    public static string? Beyond(SubscriptionInput input, WebhookCaller caller)
    {
        if (caller.Administrator)
        {
            return null;
        }

        var scope = caller.Scope;
        if (scope.None)
        {
            return "the caller's role reads no case, so a subscription of its would hear nothing";
        }

        if (input.Jurisdiction is { } jurisdiction && scope.Jurisdictions is { } within && !within.Contains(jurisdiction))
        {
            return $"the filter's jurisdiction '{jurisdiction}' is outside the caller's jurisdictions";
        }

        if (input.Department is { } department && scope.Department is { } own && !string.Equals(department, own, StringComparison.Ordinal))
        {
            return $"the filter's department '{department}' is not the caller's department";
        }

        return null;
    }

    /// <summary>The scope a subscription keeps after <paramref name="caller"/> replaced it: the owner's current one, or what it had when an administrator edits another's.</summary>
    public static AccessScope? After(WebhookCaller caller, string owner, AccessScope? stored) =>
        string.Equals(caller.Subject, owner, StringComparison.Ordinal) ? caller.StampedScope : stored;
}
