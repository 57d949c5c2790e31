namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>Outbound webhook delivery (configuration section <c>Webhooks</c>; checked at start by <see cref="WebhookOptionsValidator"/>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>Whether targets on loopback, private, link-local or other non-public addresses are allowed (tests only).</summary>
    /// <value>False: such targets are refused when subscribing and when connecting.</value>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>The timeout of one attempt (connect, send, response).</summary>
    /// <value>10 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a delivery is retried (from its creation) before it is given up and its subscription disabled.</summary>
    /// <value>24 hours.</value>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The delay before the first retry; each later retry doubles it (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between two attempts.</summary>
    /// <value>One hour.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the delivery worker looks for due deliveries when nothing has woken it.</summary>
    /// <value>One second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries attempted at once by one node.</summary>
    /// <value>16.</value>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>The CloudEvents <c>source</c> of every event.</summary>
    /// <value><c>/ecodamage/workflow</c>.</value>
    public string Source { get; set; } = "/ecodamage/workflow";
}
