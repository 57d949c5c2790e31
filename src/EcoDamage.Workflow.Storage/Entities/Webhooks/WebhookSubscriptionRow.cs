namespace EcoDamage.Workflow.Storage.Entities.Webhooks;

/// <summary>A webhook subscription (REST hook): where to POST which events, signed with its secret.</summary>
internal sealed class WebhookSubscriptionRow
{
    public Guid Id { get; set; }

    public required string Url { get; set; }

    /// <summary>Event-name patterns separated by spaces (<c>case.opened</c>, <c>case.*</c>, <c>*</c>).</summary>
    public required string EventTypes { get; set; }

    public string? Department { get; set; }

    public string? Jurisdiction { get; set; }

    public string? DefinitionId { get; set; }

    public string? Description { get; set; }

    /// <summary>The Standard Webhooks secret, <c>whsec_</c> + base64.</summary>
    public required string Secret { get; set; }

    /// <summary><c>Active</c>, <c>Paused</c> or <c>Disabled</c> (by persistent failure).</summary>
    public required string Status { get; set; }

    public string? StatusReason { get; set; }

    /// <summary>The owner: the subject of the caller who created it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>The owner's read scope as JSON (see <c>StoredScope</c>); null for rows stored before scopes were recorded (they hear nothing).</summary>
    public string? Scope { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long CreatedAt { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long UpdatedAt { get; set; }
}
