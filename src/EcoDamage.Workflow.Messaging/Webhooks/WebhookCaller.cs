using EcoDamage.Workflow.Runtime.Access;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>Who manages subscriptions: a subject owning its own, with the cases it reads; or an administrator, who manages all and subscribes to anything.</summary>
/// <param name="Subject">The caller's subject (a subscription's owner).</param>
/// <param name="Administrator">True for an administrator: sees and manages every subscription, and its own hear of every case.</param>
/// <param name="Scope">The cases the caller reads (its subscriptions hear only of those).</param>
public sealed record WebhookCaller(string Subject, bool Administrator, AccessScope Scope)
{
    /// <summary>Whether the caller may see and manage <paramref name="ownerSubject"/>'s subscription.</summary>
    /// <param name="ownerSubject">The subscription's owner.</param>
    /// <returns>True for its owner or an administrator.</returns>
    public bool Manages(string ownerSubject) => Administrator || string.Equals(ownerSubject, Subject, StringComparison.Ordinal);

    /// <summary>The scope a subscription this caller saves is stamped with: everything for an administrator, else the caller's read scope.</summary>
    public AccessScope StampedScope => Administrator ? AccessScope.Everything : Scope;
}
