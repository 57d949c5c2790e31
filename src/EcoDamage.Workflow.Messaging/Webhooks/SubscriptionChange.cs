namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>The result of creating or replacing a subscription.</summary>
/// <param name="View">The subscription, when saved.</param>
/// <param name="Errors">The input's problems by field name (none when saved).</param>
/// <param name="Forbidden">Why the caller may not save it (a filter beyond the cases it reads), or null.</param>
public sealed record SubscriptionChange(SubscriptionView? View, Dictionary<string, string[]> Errors, string? Forbidden = null)
{
    /// <summary>True when the subscription does not exist or is not the caller's to manage.</summary>
    public bool NotFound => View is null && Errors.Count == 0 && Forbidden is null;
}
