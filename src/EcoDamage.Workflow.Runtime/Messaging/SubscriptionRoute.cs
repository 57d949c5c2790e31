using EcoDamage.Workflow.Runtime.Access;

namespace EcoDamage.Workflow.Runtime.Messaging;

/// <summary>What a fan-out needs of a webhook subscription that still receives events (active or paused).</summary>
/// <param name="Id">The subscription.</param>
/// <param name="EventTypes">Its event-name patterns.</param>
/// <param name="DefinitionId">Definition filter, or null.</param>
/// <param name="Jurisdiction">Jurisdiction filter, or null.</param>
/// <param name="Department">Department filter, or null.</param>
public sealed record SubscriptionRoute(Guid Id, IReadOnlyList<string> EventTypes, string? DefinitionId, string? Jurisdiction, string? Department)
{
    /// <summary>The cases its owner may read: it hears only of those.</summary>
    /// <value><see cref="AccessScope.Nothing"/> unless set (a subscription stored before owners' scopes were recorded hears nothing).</value>
    public AccessScope Scope { get; init; } = AccessScope.Nothing;
}
